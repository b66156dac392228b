package io.parley.application.conversation;

import io.parley.core.agent.Agent;
import io.parley.core.conversation.Channel;
import io.parley.core.conversation.Conversation;
import io.parley.core.conversation.ConversationId;
import io.parley.core.conversation.Turn;
import io.parley.core.port.out.ConversationRepository;
import io.parley.core.port.out.IdGenerator;
import io.parley.core.session.PeerId;
import io.parley.core.tenant.TenantId;
import java.time.Instant;
import java.util.List;

/** Stores a conversation's turns and keeps its recent context up to date: what text chat and voice both do. */
public class ConversationTurns {

    private final ConversationRepository conversations;
    private final ConversationContext context;
    private final IdGenerator ids;

    public ConversationTurns(ConversationRepository conversations, ConversationContext context, IdGenerator ids) {
        this.conversations = conversations;
        this.context = context;
        this.ids = ids;
    }

    /** A new, empty conversation of this peer with this agent, stored. */
    public ConversationId start(TenantId tenant, PeerId peer, Agent agent, Channel channel, Instant at) {
        Conversation started = Conversation.start(new ConversationId(ids.newId()), tenant, peer, channel, agent.id(), at);
        conversations.create(started);
        return started.id();
    }

    /** A new, empty conversation, stored, to be driven live by this node. */
    public LiveConversation startLive(TenantId tenant, PeerId peer, Agent agent, Channel channel, Instant at) {
        return new LiveConversation(start(tenant, peer, agent, channel, at), List.of(), context.maxTurns(), this);
    }

    /** An existing conversation to be driven live by this node, its recent turns read once (blocking). */
    public LiveConversation live(ConversationId conversation) {
        return new LiveConversation(conversation, context.recent(conversation), context.maxTurns(), this);
    }

    /** Stores a turn and adds it to the cached recent context. */
    public void addTurn(ConversationId conversation, Turn turn) {
        conversations.appendTurn(conversation, turn);
        context.remember(conversation, turn);
    }
}
