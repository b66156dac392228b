package io.parley.application.conversation;

import io.parley.core.conversation.ConversationId;
import io.parley.core.conversation.Turn;
import io.parley.core.port.out.ConversationContextCache;
import io.parley.core.port.out.ConversationRepository;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;

/**
 * The recent turns an agent sees: read from the cache, rebuilt from the repository on a miss,
 * and still served from the repository when the cache is unreachable.
 */
public class ConversationContext {

    private static final System.Logger LOG = System.getLogger(ConversationContext.class.getName());

    private final ConversationContextCache cache;
    private final ConversationRepository conversations;
    private final int maxTurns;

    public ConversationContext(ConversationContextCache cache, ConversationRepository conversations, int maxTurns) {
        this.cache = cache;
        this.conversations = conversations;
        this.maxTurns = maxTurns;
    }

    /** Records a turn already stored in the repository and returns the context ending with it. */
    public List<Turn> afterTurn(ConversationId id, Turn stored) {
        try {
            var cached = cache.recent(id);
            if (cached.isPresent()) {
                cache.append(id, stored, maxTurns);
                return lastOf(cached.get(), stored);
            }
            return rebuild(id);
        } catch (RuntimeException e) {
            return fromDatabase(id, e);
        }
    }

    /** The recent turns of a conversation, oldest first. */
    public List<Turn> recent(ConversationId id) {
        try {
            var cached = cache.recent(id);
            if (cached.isPresent()) {
                List<Turn> turns = cached.get();
                return List.copyOf(turns.subList(Math.max(0, turns.size() - maxTurns), turns.size()));
            }
            return rebuild(id);
        } catch (RuntimeException e) {
            return fromDatabase(id, e);
        }
    }

    /** How many recent turns an agent sees. */
    public int maxTurns() {
        return maxTurns;
    }

    private List<Turn> rebuild(ConversationId id) {
        List<Turn> rebuilt = conversations.lastTurns(id, maxTurns);
        cache.replace(id, rebuilt, maxTurns);
        return rebuilt;
    }

    private List<Turn> fromDatabase(ConversationId id, RuntimeException cacheFailure) {
        LOG.log(Level.WARNING, "context cache unavailable, reading conversation {0} from the database: {1}",
                id, cacheFailure.getMessage());
        return conversations.lastTurns(id, maxTurns);
    }

    /** Adds a stored turn to the cache when it holds the conversation; failures only cost a later rebuild. */
    public void remember(ConversationId id, Turn stored) {
        try {
            cache.append(id, stored, maxTurns);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "context cache unavailable: {0}", e.getMessage());
        }
    }

    private List<Turn> lastOf(List<Turn> cached, Turn added) {
        List<Turn> all = new ArrayList<>(cached);
        all.add(added);
        return List.copyOf(all.subList(Math.max(0, all.size() - maxTurns), all.size()));
    }
}
