package io.parley.core.port.out;

import io.parley.core.conversation.Conversation;
import io.parley.core.conversation.ConversationId;
import io.parley.core.conversation.ConversationPage;
import io.parley.core.conversation.PageRequest;
import io.parley.core.conversation.Turn;
import io.parley.core.session.PeerId;
import io.parley.core.tenant.TenantId;
import java.util.List;
import java.util.Optional;

/** Stores conversations and their turns. */
public interface ConversationRepository {

    void create(Conversation conversation);

    void appendTurn(ConversationId id, Turn turn);

    /** Marks the conversation ended if it is still active. */
    void end(ConversationId id, java.time.Instant at);

    /** The conversation with all its turns, whatever its tenant; callers check ownership. */
    Optional<Conversation> findById(ConversationId id);

    /** The last {@code limit} turns in order, oldest first. */
    List<Turn> lastTurns(ConversationId id, int limit);

    /** A tenant's conversations (optionally of one peer), newest first, with their turns. */
    ConversationPage findByTenant(TenantId tenantId, Optional<PeerId> peerId, PageRequest page);
}
