package io.parley.application.telephony;

import io.parley.application.conversation.ConversationTurns;
import io.parley.core.agent.Agent;
import io.parley.core.call.Call;
import io.parley.core.call.CallId;
import io.parley.core.call.CallStatus;
import io.parley.core.call.CallStatusChange;
import io.parley.core.conversation.Channel;
import io.parley.core.conversation.ConversationId;
import io.parley.core.port.out.AgentRepository;
import io.parley.core.port.out.CallRepository;
import io.parley.core.port.out.IdGenerator;
import io.parley.core.port.out.UnitOfWork;
import io.parley.core.telephony.TelephonyProvider;
import io.parley.core.telephony.VapiEvent;
import io.parley.core.tenant.TenantId;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Finds the call a Vapi event belongs to by Vapi's call id, or stores it the first time the id comes, with a new
 * phone conversation, in one unit of work. A call first heard of at its end starts queued and is then ended.
 */
final class VapiCallRegistry {

    private static final int MAX_NUMBER = 64;

    private final CallRepository calls;
    private final AgentRepository agents;
    private final ConversationTurns turns;
    private final UnitOfWork unitOfWork;
    private final IdGenerator ids;
    private final Clock clock;

    VapiCallRegistry(CallRepository calls, AgentRepository agents, ConversationTurns turns, UnitOfWork unitOfWork,
            IdGenerator ids, Clock clock) {
        this.calls = calls;
        this.agents = agents;
        this.turns = turns;
        this.unitOfWork = unitOfWork;
        this.ids = ids;
        this.clock = clock;
    }

    /** The call with this Vapi id, whichever tenant it belongs to; stored for this tenant if it is new. */
    Call callOf(TenantId tenant, String vapiCallId, VapiEvent event) {
        return calls.findByProviderId(TelephonyProvider.VAPI, vapiCallId)
                .orElseGet(() -> register(tenant, vapiCallId, event));
    }

    private Call register(TenantId tenant, String vapiCallId, VapiEvent event) {
        Agent agent = agents.findDefault(tenant)
                .orElseThrow(() -> new IllegalStateException("tenant " + tenant + " has no agent"));
        Instant now = clock.instant();
        CallStatus status = event.callStatus().flatMap(VapiVocabulary::status).filter(found -> !found.isFinal())
                .orElse(CallStatus.QUEUED);
        String from = event.from().map(number -> FittedText.fit(number, MAX_NUMBER)).orElse("");
        String to = event.to().map(number -> FittedText.fit(number, MAX_NUMBER)).orElse("");
        return unitOfWork.inTransaction(() -> {
            ConversationId conversation = turns.start(tenant, PhoneCallers.peerOf(from), agent, Channel.PHONE, now);
            return calls.createOrGet(new Call(new CallId(ids.newId()), tenant, TelephonyProvider.VAPI, vapiCallId,
                    from, to, VapiVocabulary.direction(event.callType()), status, conversation, now, Optional.empty(),
                    Optional.empty(), Optional.empty(), Optional.empty(), List.of(new CallStatusChange(status, now))));
        });
    }
}
