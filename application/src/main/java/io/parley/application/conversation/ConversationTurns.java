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

    /** Stores the user's turn; returns the recent turns the agent sees, ending with it. */
    public List<Turn> addUserTurn(ConversationId conversation, Turn turn) {
        conversations.appendTurn(conversation, turn);
        return context.afterTurn(conversation, turn);
    }

    /** Stores the agent's turn and adds it to the recent context. */
    public void addAgentTurn(ConversationId conversation, Turn turn) {
        conversations.appendTurn(conversation, turn);
        context.remember(conversation, turn);
    }
}
