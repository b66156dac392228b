package io.parley.application.telephony;

import io.parley.application.conversation.ConversationTurns;
import io.parley.core.StorableText;
import io.parley.core.agent.Agent;
import io.parley.core.call.Call;
import io.parley.core.call.CallStatus;
import io.parley.core.conversation.Role;
import io.parley.core.conversation.Turn;
import io.parley.core.port.in.HandleVapiEventUseCase;
import io.parley.core.port.out.AgentRepository;
import io.parley.core.port.out.AuditTrail;
import io.parley.core.port.out.CallRepository;
import io.parley.core.port.out.ConversationRepository;
import io.parley.core.port.out.IdGenerator;
import io.parley.core.port.out.TelephonyAccounts;
import io.parley.core.port.out.UnitOfWork;
import io.parley.core.session.SessionEvent;
import io.parley.core.telephony.TelephonyProvider;
import io.parley.core.telephony.VapiAccount;
import io.parley.core.telephony.VapiEvent;
import io.parley.core.tenant.TenantId;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * Handles Vapi's server events: finds the tenant by its secret, keeps each Vapi call with its phone conversation,
 * and applies {@code assistant-request}, {@code status-update}, final {@code transcript}s and
 * {@code end-of-call-report}; other kinds are ignored. Refusals are audited, never with the secret.
 */
public class HandleVapiEventService implements HandleVapiEventUseCase {

    private static final int MAX_CALL_ID = 100;
    private static final String VAPI = TelephonyProvider.VAPI.code();

    private final TelephonyAccounts accounts;
    private final AgentRepository agents;
    private final AuditTrail audit;
    private final Clock clock;
    private final VapiCallRegistry registry;
    private final VapiCallUpdates updates;

    public HandleVapiEventService(TelephonyAccounts accounts, CallRepository calls,
            ConversationRepository conversations, AgentRepository agents, ConversationTurns turns, AuditTrail audit,
            UnitOfWork unitOfWork, IdGenerator ids, Clock clock) {
        this.accounts = accounts;
        this.agents = agents;
        this.audit = audit;
        this.clock = clock;
        this.registry = new VapiCallRegistry(calls, agents, turns, unitOfWork, ids, clock);
        this.updates = new VapiCallUpdates(calls, conversations, unitOfWork, clock);
    }

    @Override
    public Outcome handle(Optional<String> secret, VapiEvent event) {
        Optional<String> presented = secret.filter(value -> !value.isBlank());
        Optional<VapiAccount> account = presented.flatMap(accounts::vapiBySecret);
        if (account.isEmpty()) {
            String reason = presented.isEmpty() ? "x-vapi-secret is missing" : "x-vapi-secret matches no Vapi account";
            audit.record(SessionEvent.callRefused(Optional.empty(), VAPI, "server event: " + reason, clock.instant()));
            return new Outcome.Unauthorized(reason);
        }
        TenantId tenant = account.get().tenant();
        return event.type().<Outcome>map(type -> switch (type) {
            case "assistant-request" -> assistantRequest(tenant, event);
            case "status-update" -> statusUpdate(tenant, event);
            case "transcript" -> transcript(tenant, event);
            case "end-of-call-report" -> endOfCallReport(tenant, event);
            default -> new Outcome.Ignored();
        }).orElseGet(() -> new Outcome.Malformed("message.type is required"));
    }

    private Outcome assistantRequest(TenantId tenant, VapiEvent event) {
        Agent agent = agents.findDefault(tenant)
                .orElseThrow(() -> new IllegalStateException("tenant " + tenant + " has no agent"));
        Outcome answer = new Outcome.Assistant(agent);
        return event.callId().isEmpty() ? answer : onCall(tenant, event, call -> answer);
    }

    private Outcome statusUpdate(TenantId tenant, VapiEvent event) {
        Optional<CallStatus> status = event.status().flatMap(VapiVocabulary::status);
        if (status.isEmpty()) {
            return new Outcome.Malformed("message.status must be one of " + VapiVocabulary.STATUSES);
        }
        return onCall(tenant, event, call -> handled(() -> updates.status(call, status.get())));
    }

    private Outcome transcript(TenantId tenant, VapiEvent event) {
        Optional<String> kind = event.transcriptType();
        if (kind.equals(Optional.of("partial"))) {
            return new Outcome.Ignored();
        }
        if (!kind.equals(Optional.of("final"))) {
            return new Outcome.Malformed("message.transcriptType must be partial or final");
        }
        Optional<Role> role = event.role().flatMap(VapiVocabulary::role);
        if (role.isEmpty()) {
            return new Outcome.Malformed("message.role must be user or assistant");
        }
        Optional<String> text = event.transcript().map(String::strip).filter(said -> !said.isEmpty());
        if (text.isEmpty()) {
            return new Outcome.Malformed("message.transcript must be a non-empty text");
        }
        Turn turn = new Turn(role.get(), StorableText.scrub(text.get()), event.at().orElseGet(clock::instant), 0);
        return onCall(tenant, event, call -> handled(() -> updates.turn(call, turn)));
    }

    private Outcome endOfCallReport(TenantId tenant, VapiEvent event) {
        Optional<Double> seconds = event.durationSeconds();
        if (seconds.isPresent() && !(seconds.get() >= 0)) {
            return new Outcome.Malformed("message.durationSeconds must be a number of seconds, 0 or more");
        }
        Optional<Duration> duration = seconds.map(value -> Duration.ofSeconds(Math.round(value)));
        return onCall(tenant, event, call -> handled(() -> updates.report(call, event.endedReason(),
                event.summary(), duration)));
    }

    /** Applies the event to its call, stored now if new; a call of another tenant is refused and audited. */
    private Outcome onCall(TenantId tenant, VapiEvent event, Function<Call, Outcome> apply) {
        Optional<String> callId = event.callId()
                .filter(id -> !id.isBlank() && id.length() <= MAX_CALL_ID && StorableText.isStorable(id));
        if (callId.isEmpty()) {
            return new Outcome.Malformed("message.call.id must be a text of 1 to " + MAX_CALL_ID + " characters");
        }
        Call call = registry.callOf(tenant, callId.get(), event);
        if (!call.tenantId().equals(tenant)) {
            String reason = "the call belongs to another account";
            audit.record(SessionEvent.callRefused(Optional.of(tenant), VAPI, "server event: " + reason,
                    clock.instant()));
            return new Outcome.Forbidden(reason);
        }
        return apply.apply(call);
    }

    private static Outcome handled(Runnable update) {
        update.run();
        return new Outcome.Handled();
    }
}
