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
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/** Wires voice sessions: their use case, the node's voice slots and the timers they use. */
@ApplicationScoped
public class VoiceProducers {

    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "parley-voice-timers");
        thread.setDaemon(true);
        return thread;
    });

    @Produces
    @Singleton
    VoiceSlots voiceSlots(ParleyConfig config) {
        return new VoiceSlots(config.voice().maxSessions());
    }

    @Produces
    @Singleton
    VoiceStarter voiceStarter(Instance<LanguageModel> models, SpeechToText stt, TextToSpeech tts,
            TurnTracing tracing, VoiceSlots slots, Clock clock) {
        return new VoiceStarter(models.stream().toList(), stt, tts, tracing, slots,
                Infrastructure.getDefaultWorkerPool(), timers, clock);
    }

    @Produces
    @Singleton
    StartVoiceUseCase startVoice(SessionRegistry sessions, AgentRepository agents, ConversationTurns turns,
            VoiceStarter starter, Clock clock) {
        return new StartVoiceService(sessions, agents, turns, starter, clock);
    }

    @PreDestroy
    void stop() {
        timers.shutdownNow();
    }
}
