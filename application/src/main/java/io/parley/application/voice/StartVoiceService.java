package io.parley.application.voice;

import io.parley.application.conversation.ConversationTurns;
import io.parley.core.agent.Agent;
import io.parley.core.agent.AgentKind;
import io.parley.core.conversation.Channel;
import io.parley.core.conversation.ConversationId;
import io.parley.core.port.in.StartVoiceUseCase;
import io.parley.core.port.out.AgentRepository;
import io.parley.core.port.out.LanguageModel;
import io.parley.core.port.out.SessionRegistry;
import io.parley.core.port.out.SpeechToText;
import io.parley.core.port.out.TextToSpeech;
import io.parley.core.port.out.TurnTracing;
import io.parley.core.port.out.VoiceOutput;
import io.parley.core.session.ClientSession;
import io.parley.core.session.SessionId;
import io.parley.core.voice.VoiceSettings;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Starts voice sessions: refuses at once when voice is not configured or the node runs as many as it
 * may, opens the session's conversation (its current one, else a new one), then connects recognition
 * and synthesis for the session's audio format.
 */
public class StartVoiceService implements StartVoiceUseCase {

    private final SessionRegistry sessions;
    private final AgentRepository agents;
    private final Map<AgentKind, LanguageModel> models;
    private final SpeechToText stt;
    private final TextToSpeech tts;
    private final ConversationTurns turns;
    private final TurnTracing tracing;
    private final VoiceSlots slots;
    private final Executor blocking;
    private final ScheduledExecutorService timers;
    private final Clock clock;

    public StartVoiceService(SessionRegistry sessions, AgentRepository agents, List<LanguageModel> models,
            SpeechToText stt, TextToSpeech tts, ConversationTurns turns, TurnTracing tracing, VoiceSlots slots,
            Executor blocking, ScheduledExecutorService timers, Clock clock) {
        this.sessions = sessions;
        this.agents = agents;
        this.models = models.stream().collect(Collectors.toUnmodifiableMap(LanguageModel::kind, Function.identity()));
        this.stt = stt;
        this.tts = tts;
        this.turns = turns;
        this.tracing = tracing;
        this.slots = slots;
        this.blocking = blocking;
        this.timers = timers;
        this.clock = clock;
    }

    @Override
    public Start start(SessionId sessionId, VoiceSettings settings, VoiceOutput output) {
        Optional<String> unavailable = stt.unavailableReason().or(tts::unavailableReason);
        if (unavailable.isPresent()) {
            return new Start.Unavailable(unavailable.get());
        }
        if (!slots.tryTake()) {
            return new Start.Busy(slots.max());
        }
        try {
            ClientSession session = sessions.find(sessionId)
                    .orElseThrow(() -> new IllegalStateException("session " + sessionId + " is not open"));
            Agent agent = agents.findDefault(session.tenantId())
                    .orElseThrow(() -> new IllegalStateException("tenant " + session.tenantId() + " has no agent"));
            ConversationId conversation = session.currentConversationId().orElseGet(() -> {
                ConversationId started = turns.start(session.tenantId(), session.peerId(), agent, Channel.WEB,
                        clock.instant());
                session.continueConversation(started);
                return started;
            });
            VoiceConversation voice = new VoiceConversation(output, agent, conversation, settings.format(),
                    Optional.ofNullable(models.get(agent.kind())), turns, tracing, blocking, clock,
                    tokens -> session.recordActivity(tokens, clock.instant()), slots::give);
            voice.open(stt, tts, settings.language(), timers);
            return new Start.Started(voice);
        } catch (RuntimeException e) {
            slots.give();
            throw e;
        }
    }
}
