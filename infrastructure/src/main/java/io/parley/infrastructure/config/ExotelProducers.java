package io.parley.infrastructure.config;

import io.parley.application.conversation.ConversationTurns;
import io.parley.application.telephony.AuthenticateExotelStreamService;
import io.parley.application.telephony.CompleteCallService;
import io.parley.application.telephony.StartExotelCallService;
import io.parley.application.voice.VoiceStarter;
import io.parley.core.port.in.AuthenticateExotelStreamUseCase;
import io.parley.core.port.in.CompleteCallUseCase;
import io.parley.core.port.in.StartExotelCallUseCase;
import io.parley.core.port.out.AgentRepository;
import io.parley.core.port.out.AuditTrail;
import io.parley.core.port.out.CallRepository;
import io.parley.core.port.out.ConversationRepository;
import io.parley.core.port.out.IdGenerator;
import io.parley.core.port.out.TelephonyAccounts;
import io.parley.core.port.out.UnitOfWork;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Wires Exotel calls: authenticating voicebot streams, taking a call at its stream's start, completing it. */
@ApplicationScoped
public class ExotelProducers {

    @Produces
    @Singleton
    AuthenticateExotelStreamUseCase authenticateExotelStream(TelephonyAccounts accounts, AuditTrail audit,
            Clock clock) {
        return new AuthenticateExotelStreamService(accounts, audit, clock);
    }

    @Produces
    @Singleton
    StartExotelCallUseCase startExotelCall(CallRepository calls, ConversationRepository conversations,
            AgentRepository agents, ConversationTurns turns, VoiceStarter starter, AuditTrail audit,
            UnitOfWork unitOfWork, IdGenerator ids, Clock clock) {
        return new StartExotelCallService(calls, conversations, agents, turns, starter, audit, unitOfWork, ids, clock);
    }

    @Produces
    @Singleton
    CompleteCallUseCase completeCall(CallRepository calls, ConversationRepository conversations,
            UnitOfWork unitOfWork, Clock clock) {
        return new CompleteCallService(calls, conversations, unitOfWork, clock);
    }
}
