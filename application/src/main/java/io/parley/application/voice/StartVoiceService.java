package io.parley.application.voice;

import io.parley.application.conversation.ConversationTurns;
import io.parley.application.conversation.LiveConversation;
import io.parley.core.agent.Agent;
import io.parley.core.conversation.Channel;
import io.parley.core.port.in.StartVoiceUseCase;
import io.parley.core.port.out.AgentRepository;
import io.parley.core.port.out.SessionRegistry;
import io.parley.core.port.out.VoiceOutput;
import io.parley.core.session.ClientSession;
import io.parley.core.session.SessionId;
import io.parley.core.voice.VoiceSettings;
import java.time.Clock;

/** Starts voice sessions on sockets, in the session's current conversation, else a new one. */
public class StartVoiceService implements StartVoiceUseCase {

    private final SessionRegistry sessions;
    private final AgentRepository agents;
    private final ConversationTurns turns;
    private final VoiceStarter starter;
    private final Clock clock;

    public StartVoiceService(SessionRegistry sessions, AgentRepository agents, ConversationTurns turns,
            VoiceStarter starter, Clock clock) {
        this.sessions = sessions;
        this.agents = agents;
        this.turns = turns;
        this.starter = starter;
        this.clock = clock;
    }

    @Override
    public Start start(SessionId sessionId, VoiceSettings settings, VoiceOutput output) {
        return starter.start(settings, output, () -> {
            ClientSession open = sessions.find(sessionId)
                    .orElseThrow(() -> new IllegalStateException("session " + sessionId + " is not open"));
            Agent agent = agents.findDefault(open.tenantId())
                    .orElseThrow(() -> new IllegalStateException("tenant " + open.tenantId() + " has no agent"));
            LiveConversation conversation = open.currentConversationId().map(turns::live).orElseGet(() -> {
                LiveConversation started = turns.startLive(open.tenantId(), open.peerId(), agent, Channel.WEB,
                        clock.instant());
                open.continueConversation(started.id());
                return started;
            });
            return new VoiceStarter.Setting(agent, conversation,
                    tokens -> open.recordActivity(tokens, clock.instant()));
        });
    }
}
