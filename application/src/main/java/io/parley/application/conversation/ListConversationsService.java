package io.parley.application.conversation;

import io.parley.core.conversation.ConversationPage;
import io.parley.core.conversation.PageRequest;
import io.parley.core.port.in.ListConversationsUseCase;
import io.parley.core.port.out.ConversationRepository;
import io.parley.core.session.PeerId;
import io.parley.core.tenant.TenantId;
import java.util.Optional;

/** Pages through a tenant's conversations. */
public class ListConversationsService implements ListConversationsUseCase {

    private final ConversationRepository conversations;

    public ListConversationsService(ConversationRepository conversations) {
        this.conversations = conversations;
    }

    @Override
    public ConversationPage list(TenantId tenantId, Optional<PeerId> peerId, PageRequest page) {
        return conversations.findByTenant(tenantId, peerId, page);
    }
}
