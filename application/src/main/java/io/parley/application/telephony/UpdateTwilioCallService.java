package io.parley.application.telephony;

import io.parley.core.call.Call;
import io.parley.core.call.CallStatus;
import io.parley.core.port.in.UpdateTwilioCallUseCase;
import io.parley.core.port.out.AuditTrail;
import io.parley.core.port.out.CallRepository;
import io.parley.core.port.out.ConversationRepository;
import io.parley.core.port.out.TelephonyAccounts;
import io.parley.core.port.out.UnitOfWork;
import io.parley.core.session.SessionEvent;
import io.parley.core.telephony.SignedRequest;
import io.parley.core.telephony.TelephonyProvider;
import io.parley.core.telephony.TwilioAccount;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Applies Twilio's signed status callbacks: the call's status history, and on a final status its end,
 * duration and the end of its conversation. A replayed or late callback changes nothing.
 */
public class UpdateTwilioCallService implements UpdateTwilioCallUseCase {

    private static final System.Logger LOG = System.getLogger(UpdateTwilioCallService.class.getName());

    private final CallRepository calls;
    private final TelephonyAccounts accounts;
    private final ConversationRepository conversations;
    private final AuditTrail audit;
    private final UnitOfWork unitOfWork;
    private final Clock clock;

    public UpdateTwilioCallService(CallRepository calls, TelephonyAccounts accounts,
            ConversationRepository conversations, AuditTrail audit, UnitOfWork unitOfWork, Clock clock) {
        this.calls = calls;
        this.accounts = accounts;
        this.conversations = conversations;
        this.audit = audit;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
    }

    @Override
    public Update callStatus(SignedRequest callback) {
        Optional<CallStatus> status = callback.param("CallStatus").flatMap(TwilioRequests::status);
        if (status.isEmpty()) {
            return Update.MALFORMED;
        }
        Optional<Duration> duration;
        try {
            duration = callback.param("CallDuration").map(Long::parseLong).filter(seconds -> seconds >= 0)
                    .map(Duration::ofSeconds);
        } catch (NumberFormatException e) {
            return Update.MALFORMED;
        }
        return checked(callback, "status callback", call -> {
            Instant now = clock.instant();
            unitOfWork.inTransaction(() -> {
                if (calls.changeStatus(call.id(), status.get(), now, duration) && status.get().isFinal()) {
                    conversations.end(call.conversationId(), now);
                }
                return null;
            });
        });
    }

    @Override
    public Update streamStatus(SignedRequest callback) {
        return checked(callback, "stream status callback", call -> {
            String event = callback.param("StreamEvent").orElse("");
            if ("stream-error".equals(event)) {
                LOG.log(Level.WARNING, "Twilio reports a media stream error on call {0}: {1}", call.id(),
                        callback.param("StreamError").orElse("no detail"));
            }
        });
    }

    private Update checked(SignedRequest callback, String what, java.util.function.Consumer<Call> apply) {
        Optional<String> callSid = callback.param("CallSid");
        if (callSid.isEmpty()) {
            return Update.MALFORMED;
        }
        Optional<Call> call = calls.findByProviderId(TelephonyProvider.TWILIO, callSid.get());
        Optional<TwilioAccount> account = call.flatMap(found -> accounts.twilio(found.tenantId()));
        if (call.isEmpty() || account.isEmpty()) {
            return Update.UNKNOWN_CALL;
        }
        Optional<String> refusal = TwilioRequests.refusal(callback, account.get());
        if (refusal.isPresent()) {
            audit.record(SessionEvent.callRefused(Optional.of(call.get().tenantId()), TelephonyProvider.TWILIO.code(),
                    what + ": " + refusal.get(), clock.instant()));
            return Update.FORBIDDEN;
        }
        apply.accept(call.get());
        return Update.ACCEPTED;
    }
}
