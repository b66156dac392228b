package io.parley.application.conversation;

import io.parley.core.NotFoundException;
import io.parley.core.conversation.Conversation;
import io.parley.core.conversation.ConversationId;
import io.parley.core.port.in.GetConversationUseCase;
import io.parley.core.port.out.ConversationRepository;
import io.parley.core.tenant.TenantId;

/** Reads one conversation, hiding other tenants' behind "not found". */
public class GetConversationService implements GetConversationUseCase {

    private final ConversationRepository conversations;

    public GetConversationService(ConversationRepository conversations) {
        this.conversations = conversations;
    }

    @Override
    public Conversation get(TenantId tenantId, ConversationId id) {
        return conversations.findById(id)
                .filter(c -> c.tenantId().equals(tenantId))
                .orElseThrow(() -> new NotFoundException("conversation " + id + " not found"));
    }
}
