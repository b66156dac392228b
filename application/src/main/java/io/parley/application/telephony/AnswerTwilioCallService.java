package io.parley.application.telephony;

import io.parley.application.conversation.ConversationTurns;
import io.parley.core.agent.Agent;
import io.parley.core.call.Call;
import io.parley.core.call.CallDirection;
import io.parley.core.call.CallGrant;
import io.parley.core.call.CallId;
import io.parley.core.call.CallStatus;
import io.parley.core.call.CallStatusChange;
import io.parley.core.conversation.Channel;
import io.parley.core.conversation.ConversationId;
import io.parley.core.port.in.AnswerTwilioCallUseCase;
import io.parley.core.port.out.AgentRepository;
import io.parley.core.port.out.AuditTrail;
import io.parley.core.port.out.CallRepository;
import io.parley.core.port.out.CallTokens;
import io.parley.core.port.out.IdGenerator;
import io.parley.core.port.out.TelephonyAccounts;
import io.parley.core.port.out.UnitOfWork;
import io.parley.core.session.SessionEvent;
import io.parley.core.telephony.PhoneNumber;
import io.parley.core.telephony.SignedRequest;
import io.parley.core.telephony.TelephonyProvider;
import io.parley.core.telephony.TwilioAccount;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Answers an incoming Twilio call: finds the tenant by the called number, checks Twilio signed the
 * request with that tenant's auth token, stores the call with a new phone conversation (once, however
 * often Twilio retries), and gives a call token the media stream must present.
 */
public class AnswerTwilioCallService implements AnswerTwilioCallUseCase {

    /** How long the media stream has to connect after the webhook is answered. */
    public static final Duration CALL_TOKEN_TTL = Duration.ofMinutes(5);

    private final TelephonyAccounts accounts;
    private final CallRepository calls;
    private final AgentRepository agents;
    private final ConversationTurns turns;
    private final CallTokens tokens;
    private final AuditTrail audit;
    private final UnitOfWork unitOfWork;
    private final IdGenerator ids;
    private final Clock clock;

    public AnswerTwilioCallService(TelephonyAccounts accounts, CallRepository calls, AgentRepository agents,
            ConversationTurns turns, CallTokens tokens, AuditTrail audit, UnitOfWork unitOfWork, IdGenerator ids,
            Clock clock) {
        this.accounts = accounts;
        this.calls = calls;
        this.agents = agents;
        this.turns = turns;
        this.tokens = tokens;
        this.audit = audit;
        this.unitOfWork = unitOfWork;
        this.ids = ids;
        this.clock = clock;
    }

    @Override
    public Answer answer(SignedRequest webhook) {
        Optional<String> to = webhook.param("To");
        Optional<String> callSid = webhook.param("CallSid");
        if (to.isEmpty() || callSid.isEmpty()) {
            return new Answer.Malformed("a voice webhook needs To and CallSid");
        }
        Optional<TwilioAccount> found = accounts.twilioByNumber(to.get());
        if (found.isEmpty()) {
            audit.record(SessionEvent.callRefused(Optional.empty(), TelephonyProvider.TWILIO.code(),
                    "call to a number no tenant has: " + PhoneNumber.masked(to.get()), clock.instant()));
            return new Answer.UnknownNumber();
        }
        TwilioAccount account = found.get();
        Optional<String> refusal = TwilioRequests.refusal(webhook, account);
        if (refusal.isPresent()) {
            audit.record(SessionEvent.callRefused(Optional.of(account.tenant()), TelephonyProvider.TWILIO.code(),
                    "voice webhook: " + refusal.get(), clock.instant()));
            return new Answer.Forbidden(refusal.get());
        }
        Call call = calls.findByProviderId(TelephonyProvider.TWILIO, callSid.get())
                .orElseGet(() -> store(account, webhook, callSid.get(), to.get()));
        if (!call.tenantId().equals(account.tenant())) {
            return new Answer.Forbidden("this call belongs to another account");
        }
        String token = tokens.issue(new CallGrant(call.id(), call.tenantId(), call.providerCallId()), CALL_TOKEN_TTL);
        return new Answer.Connect(call.id(), token);
    }

    private Call store(TwilioAccount account, SignedRequest webhook, String callSid, String to) {
        Agent agent = agents.findDefault(account.tenant())
                .orElseThrow(() -> new IllegalStateException("tenant " + account.tenant() + " has no agent"));
        Instant now = clock.instant();
        CallStatus status = webhook.param("CallStatus").flatMap(TwilioRequests::status).orElse(CallStatus.RINGING);
        String from = webhook.param("From").orElse("");
        return unitOfWork.inTransaction(() -> {
            ConversationId conversation = turns.start(account.tenant(), PhoneCallers.peerOf(from), agent,
                    Channel.PHONE, now);
            return calls.createOrGet(new Call(new CallId(ids.newId()), account.tenant(), TelephonyProvider.TWILIO,
                    callSid, from, to, CallDirection.fromTwilio(webhook.param("Direction").orElse("inbound")), status,
                    conversation, now, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                    List.of(new CallStatusChange(status, now))));
        });
    }
}
