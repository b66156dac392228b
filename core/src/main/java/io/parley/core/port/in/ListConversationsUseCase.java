package io.parley.core.port.in;

import io.parley.core.conversation.ConversationPage;
import io.parley.core.conversation.PageRequest;
import io.parley.core.session.PeerId;
import io.parley.core.tenant.TenantId;
import java.util.Optional;

/** Lists a tenant's conversations, newest first. */
public interface ListConversationsUseCase {

    ConversationPage list(TenantId tenantId, Optional<PeerId> peerId, PageRequest page);
}
