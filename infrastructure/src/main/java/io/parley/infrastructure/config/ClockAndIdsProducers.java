package io.parley.infrastructure.config;

import io.parley.core.port.out.IdGenerator;
import io.parley.core.session.ConnectionLimits;
import io.parley.core.session.SessionLimits;
import io.parley.core.session.SignalLimits;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.UUID;

/** Produces the plain values services need: the clock, identifiers and session, signalling and connection limits. */
@ApplicationScoped
public class ClockAndIdsProducers {

    @Produces
    @ApplicationScoped
    Clock clock() {
        return Clock.systemUTC();
    }

    @Produces
    @ApplicationScoped
    IdGenerator idGenerator() {
        return UUID::randomUUID;
    }

    @Produces
    @Singleton
    SessionLimits sessionLimits(ParleyConfig config) {
        return new SessionLimits(config.limits().maxConnections(), config.limits().messagesPerMinute(),
                config.limits().maxTextChars(), config.conversation().contextTurns());
    }

    @Produces
    @Singleton
    SignalLimits signalLimits(ParleyConfig config) {
        return new SignalLimits(config.limits().maxRoomPeers(), config.limits().maxRoomsPerSession(),
                config.session().resumeWindow(), config.session().idleTimeout(), config.cluster().nodeTtl(),
                config.cluster().repairInterval());
    }

    @Produces
    @Singleton
    ConnectionLimits connectionLimits(ParleyConfig config) {
        ParleyConfig.Limits limits = config.limits();
        return new ConnectionLimits(limits.maxPendingFrames(), limits.maxPendingBytes(), limits.maxQueuedBytes(),
                limits.maxQueuedMessages(), config.session().resume().maxFrames(), config.session().resume().maxBytes(),
                limits.nodeBufferBytes().orElse(Runtime.getRuntime().maxMemory() / 4),
                config.agent().maxConcurrentAnswers());
    }
}
