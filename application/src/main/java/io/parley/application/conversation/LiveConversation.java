package io.parley.application.conversation;

import io.parley.core.conversation.ConversationId;
import io.parley.core.conversation.Turn;
import java.util.ArrayDeque;
import java.util.List;

/**
 * A conversation this node drives turn by turn (a voice session): its recent context is kept in memory,
 * so the agent is asked the moment the user's turn ends instead of after a database round trip; each
 * turn is still stored, by the caller, off the event loop and in order.
 */
public final class LiveConversation {

    private final ConversationId id;
    private final ConversationTurns turns;
    private final int maxTurns;
    private final ArrayDeque<Turn> recent;

    LiveConversation(ConversationId id, List<Turn> recent, int maxTurns, ConversationTurns turns) {
        this.id = id;
        this.turns = turns;
        this.maxTurns = maxTurns;
        this.recent = new ArrayDeque<>(recent);
        trim();
    }

    public ConversationId id() {
        return id;
    }

    /** Adds a turn to the context the agent sees; returns that context, ending with it. Stores nothing. */
    public synchronized List<Turn> remember(Turn turn) {
        recent.add(turn);
        trim();
        return List.copyOf(recent);
    }

    /** Stores a turn (blocking: the database, and the shared context cache). */
    public void store(Turn turn) {
        turns.addTurn(id, turn);
    }

    private void trim() {
        while (recent.size() > maxTurns) {
            recent.poll();
        }
    }
}
