package io.parley.infrastructure.config;

import io.parley.application.conversation.ConversationTurns;
import io.parley.application.voice.StartVoiceService;
import io.parley.application.voice.VoiceStarter;
import io.parley.application.voice.VoiceSlots;
import io.parley.core.port.in.StartVoiceUseCase;
import io.parley.core.port.out.AgentRepository;
import io.parley.core.port.out.LanguageModel;
import io.parley.core.port.out.SessionRegistry;
import io.parley.core.port.out.SpeechToText;
import io.parley.core.port.out.TextToSpeech;
import io.parley.core.port.out.TurnTracing;
import io.parley.infrastructure.voice.EventLoopTicker;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Wires voice sessions: their use case, the node's voice slots, and their ticks on event loops. */
@ApplicationScoped
public class VoiceProducers {

    @Produces
    @Singleton
    VoiceSlots voiceSlots(ParleyConfig config) {
        return new VoiceSlots(config.voice().maxSessions());
    }

    @Produces
    @Singleton
    VoiceStarter voiceStarter(Instance<LanguageModel> models, SpeechToText stt, TextToSpeech tts,
            TurnTracing tracing, VoiceSlots slots, Vertx vertx, Clock clock) {
        return new VoiceStarter(models.stream().toList(), stt, tts, tracing, slots,
                Infrastructure.getDefaultWorkerPool(), new EventLoopTicker(vertx), clock);
    }

    @Produces
    @Singleton
    StartVoiceUseCase startVoice(SessionRegistry sessions, AgentRepository agents, ConversationTurns turns,
            VoiceStarter starter, Clock clock) {
        return new StartVoiceService(sessions, agents, turns, starter, clock);
    }
}
