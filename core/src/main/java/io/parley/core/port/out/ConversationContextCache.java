package io.parley.core.port.out;

import io.parley.core.conversation.ConversationId;
import io.parley.core.conversation.Turn;
import java.util.List;
import java.util.Optional;

/** Keeps the most recent turns of active conversations close at hand for the agent. */
public interface ConversationContextCache {

    /** The cached turns, oldest first, or empty when nothing is cached. */
    Optional<List<Turn>> recent(ConversationId id);

    /** Appends a turn to a cached conversation, keeping at most {@code maxTurns}; no-op when not cached. */
    void append(ConversationId id, Turn turn, int maxTurns);

    /** Replaces the cached turns with these (the last {@code maxTurns} of them). */
    void replace(ConversationId id, List<Turn> turns, int maxTurns);
}
