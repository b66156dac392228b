package io.parley.core.port.in;

import io.parley.core.conversation.Conversation;
import io.parley.core.conversation.ConversationId;
import io.parley.core.tenant.TenantId;

/** Reads one of a tenant's conversations; another tenant's is not found. */
public interface GetConversationUseCase {

    Conversation get(TenantId tenantId, ConversationId id);
}
