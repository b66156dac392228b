package io.parley.infrastructure.config;

import io.parley.application.conversation.ConversationTurns;
import io.parley.application.telephony.HandleVapiEventService;
import io.parley.core.port.in.HandleVapiEventUseCase;
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

/** Wires Vapi calls: handling the server events Vapi posts for a tenant's calls. */
@ApplicationScoped
public class VapiProducers {

    @Produces
    @Singleton
    HandleVapiEventUseCase handleVapiEvent(TelephonyAccounts accounts, CallRepository calls,
            ConversationRepository conversations, AgentRepository agents, ConversationTurns turns, AuditTrail audit,
            UnitOfWork unitOfWork, IdGenerator ids, Clock clock) {
        return new HandleVapiEventService(accounts, calls, conversations, agents, turns, audit, unitOfWork, ids, clock);
    }
}
