package io.parley.infrastructure.config;

import io.parley.application.conversation.ConversationTurns;
import io.parley.application.telephony.AnswerTwilioCallService;
import io.parley.application.telephony.ConnectCallMediaService;
import io.parley.application.telephony.ReadCallsService;
import io.parley.application.telephony.UpdateTwilioCallService;
import io.parley.application.voice.VoiceStarter;
import io.parley.core.port.in.AnswerTwilioCallUseCase;
import io.parley.core.port.in.ConnectCallMediaUseCase;
import io.parley.core.port.in.ReadCallsUseCase;
import io.parley.core.port.in.UpdateTwilioCallUseCase;
import io.parley.core.port.out.AgentRepository;
import io.parley.core.port.out.AuditTrail;
import io.parley.core.port.out.CallRepository;
import io.parley.core.port.out.CallTokens;
import io.parley.core.port.out.ConversationRepository;
import io.parley.core.port.out.IdGenerator;
import io.parley.core.port.out.TelephonyAccounts;
import io.parley.core.port.out.UnitOfWork;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Wires phone calls: answering Twilio's webhooks and status callbacks, connecting media streams, reading calls. */
@ApplicationScoped
public class CallProducers {

    @Produces
    @Singleton
    AnswerTwilioCallUseCase answerTwilioCall(TelephonyAccounts accounts, CallRepository calls, AgentRepository agents,
            ConversationTurns turns, CallTokens tokens, AuditTrail audit, UnitOfWork unitOfWork, IdGenerator ids,
            Clock clock) {
        return new AnswerTwilioCallService(accounts, calls, agents, turns, tokens, audit, unitOfWork, ids, clock);
    }

    @Produces
    @Singleton
    UpdateTwilioCallUseCase updateTwilioCall(CallRepository calls, TelephonyAccounts accounts,
            ConversationRepository conversations, AuditTrail audit, UnitOfWork unitOfWork, Clock clock) {
        return new UpdateTwilioCallService(calls, accounts, conversations, audit, unitOfWork, clock);
    }

    @Produces
    @Singleton
    ReadCallsUseCase readCalls(CallRepository calls) {
        return new ReadCallsService(calls);
    }

    @Produces
    @Singleton
    ConnectCallMediaUseCase connectCallMedia(CallTokens tokens, CallRepository calls, TelephonyAccounts accounts,
            AgentRepository agents, ConversationTurns turns, VoiceStarter starter, AuditTrail audit, Clock clock) {
        return new ConnectCallMediaService(tokens, calls, accounts, agents, turns, starter, audit, clock);
    }
}
