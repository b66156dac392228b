package io.parley.application.telephony;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.parley.application.conversation.ConversationTurns;
import io.parley.core.agent.Agent;
import io.parley.core.agent.AgentId;
import io.parley.core.call.Call;
import io.parley.core.call.CallDirection;
import io.parley.core.call.CallId;
import io.parley.core.call.CallStatus;
import io.parley.core.call.CallStatusChange;
import io.parley.core.conversation.Channel;
import io.parley.core.conversation.ConversationId;
import io.parley.core.conversation.Role;
import io.parley.core.conversation.Turn;
import io.parley.core.port.in.HandleVapiEventUseCase.Outcome;
import io.parley.core.port.out.AgentRepository;
import io.parley.core.port.out.AuditTrail;
import io.parley.core.port.out.CallRepository;
import io.parley.core.port.out.ConversationRepository;
import io.parley.core.port.out.IdGenerator;
import io.parley.core.port.out.TelephonyAccounts;
import io.parley.core.port.out.UnitOfWork;
import io.parley.core.session.PeerId;
import io.parley.core.session.SessionEvent;
import io.parley.core.telephony.Secret;
import io.parley.core.telephony.TelephonyProvider;
import io.parley.core.telephony.VapiAccount;
import io.parley.core.telephony.VapiEvent;
import io.parley.core.tenant.TenantId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** Vapi's server events: the secret checked first, each call stored once, its status, turns and end applied once. */
class HandleVapiEventServiceTest {

    private static final Instant NOW = Instant.parse("2026-01-01T10:00:00Z");
    private static final String SECRET = "vapi-secret-0123456789";

    private final TenantId tenant = new TenantId(UUID.randomUUID());
    private final Agent agent = Agent.defaultFor(new AgentId(UUID.randomUUID()), tenant);
    private final ConversationId conversation = new ConversationId(UUID.randomUUID());
    private final TelephonyAccounts accounts = mock(TelephonyAccounts.class);
    private final CallRepository calls = mock(CallRepository.class);
    private final ConversationRepository conversations = mock(ConversationRepository.class);
    private final AgentRepository agents = mock(AgentRepository.class);
    private final ConversationTurns turns = mock(ConversationTurns.class);
    private final AuditTrail audit = mock(AuditTrail.class);
    private final UnitOfWork unitOfWork = mock(UnitOfWork.class);
    private final IdGenerator ids = mock(IdGenerator.class);
    private final HandleVapiEventService service = new HandleVapiEventService(accounts, calls, conversations, agents,
            turns, audit, unitOfWork, ids, Clock.fixed(NOW, ZoneOffset.UTC));

    HandleVapiEventServiceTest() {
        when(accounts.vapiBySecret(SECRET)).thenReturn(Optional.of(new VapiAccount(tenant, new Secret(SECRET))));
        when(agents.findDefault(tenant)).thenReturn(Optional.of(agent));
        when(ids.newId()).thenReturn(UUID.randomUUID());
        when(unitOfWork.inTransaction(any())).thenAnswer(work -> ((Supplier<?>) work.getArgument(0)).get());
        when(turns.start(any(), any(), any(), any(), any())).thenReturn(conversation);
        when(calls.findByProviderId(any(), anyString())).thenReturn(Optional.empty());
        when(calls.createOrGet(any())).thenAnswer(created -> created.getArgument(0));
    }

    @Test
    void withoutOrWithAnUnknownSecretTheEventIsRefusedAndAuditedWithoutTheSecret() {
        Outcome missing = service.handle(Optional.empty(), event("status-update").with("status", "ended").build());
        Outcome unknown = service.handle(Optional.of("not-the-secret-at-all"), event("status-update").build());

        assertThat(missing).isEqualTo(new Outcome.Unauthorized("x-vapi-secret is missing"));
        assertThat(unknown).isEqualTo(new Outcome.Unauthorized("x-vapi-secret matches no Vapi account"));
        ArgumentCaptor<SessionEvent> refusals = ArgumentCaptor.forClass(SessionEvent.class);
        verify(audit, times(2)).record(refusals.capture());
        assertThat(refusals.getAllValues()).allSatisfy(refusal -> {
            assertThat(refusal.tenantId()).isEmpty();
            assertThat(refusal.peerId()).contains("vapi");
            assertThat(refusal.reason()).hasValueSatisfying(reason -> assertThat(reason)
                    .doesNotContain("not-the-secret-at-all"));
        });
        verifyNoInteractions(calls, conversations);
    }

    @Test
    void theFirstEventOfACallStoresItWithAPhoneConversationAndAnAssistantRequestGetsTheAgent() {
        Outcome outcome = service.handle(Optional.of(SECRET), event("assistant-request")
                .with("callType", "outboundPhoneCall").with("callStatus", "ringing").build());

        assertThat(outcome).isEqualTo(new Outcome.Assistant(agent));
        ArgumentCaptor<Call> stored = ArgumentCaptor.forClass(Call.class);
        verify(calls).createOrGet(stored.capture());
        assertThat(stored.getValue()).satisfies(call -> {
            assertThat(call.tenantId()).isEqualTo(tenant);
            assertThat(call.provider()).isEqualTo(TelephonyProvider.VAPI);
            assertThat(call.providerCallId()).isEqualTo("call-1");
            assertThat(call.from()).isEqualTo("+15557654321");
            assertThat(call.to()).isEqualTo("+15551230000");
            assertThat(call.direction()).isEqualTo(CallDirection.OUTBOUND);
            assertThat(call.status()).isEqualTo(CallStatus.RINGING);
            assertThat(call.conversationId()).isEqualTo(conversation);
        });
        verify(turns).start(tenant, new PeerId("phone-15557654321"), agent, Channel.PHONE, NOW);
    }

    @Test
    void aCallFirstHeardOfAtItsEndStartsQueuedAndIsCompleted() {
        service.handle(Optional.of(SECRET), event("status-update").with("callStatus", "ended")
                .with("status", "ended").build());

        ArgumentCaptor<Call> stored = ArgumentCaptor.forClass(Call.class);
        verify(calls).createOrGet(stored.capture());
        assertThat(stored.getValue().status()).isEqualTo(CallStatus.QUEUED);
        assertThat(stored.getValue().direction()).isEqualTo(CallDirection.INBOUND);
        verify(calls).changeStatus(stored.getValue().id(), CallStatus.COMPLETED, NOW, Optional.empty());
        verify(conversations).end(conversation, NOW);
    }

    @Test
    void aKnownCallIsNotStoredAgainAndItsStatusOnlyMovesOn() {
        Call call = known(tenant, CallStatus.IN_PROGRESS);

        assertThat(service.handle(Optional.of(SECRET), event("status-update").with("status", "ringing").build()))
                .isEqualTo(new Outcome.Handled());
        verify(calls, never()).changeStatus(any(), any(), any(), any());

        service.handle(Optional.of(SECRET), event("status-update").with("status", "ended").build());
        verify(calls, never()).createOrGet(any());
        verify(calls).changeStatus(call.id(), CallStatus.COMPLETED, NOW, Optional.empty());
        verify(conversations).end(conversation, NOW);
    }

    @Test
    void anotherTenantsCallIsForbiddenAuditedAndLeftAlone() {
        known(new TenantId(UUID.randomUUID()), CallStatus.IN_PROGRESS);

        Outcome outcome = service.handle(Optional.of(SECRET), event("end-of-call-report")
                .with("endedReason", "customer-ended-call").build());

        assertThat(outcome).isEqualTo(new Outcome.Forbidden("the call belongs to another account"));
        ArgumentCaptor<SessionEvent> refusal = ArgumentCaptor.forClass(SessionEvent.class);
        verify(audit).record(refusal.capture());
        assertThat(refusal.getValue().tenantId()).contains(tenant);
        verify(calls, never()).recordOutcome(any(), any(), any());
        verify(calls, never()).changeStatus(any(), any(), any(), any());
        verify(conversations, never()).end(any(), any());
    }

    @Test
    void onlyFinalTranscriptsBecomeTurnsAndAReplayedOneIsNotAddedTwice() {
        known(tenant, CallStatus.IN_PROGRESS);
        Instant spoken = Instant.ofEpochMilli(1_767_261_600_123L);
        Turn turn = new Turn(Role.USER, "What are your hours?", spoken, 0);

        assertThat(service.handle(Optional.of(SECRET), transcript("partial", "user", "What are").build()))
                .isEqualTo(new Outcome.Ignored());
        assertThat(service.handle(Optional.of(SECRET), transcript("final", "user", " What are your hours? ")
                .with("at", spoken).build())).isEqualTo(new Outcome.Handled());
        verify(conversations).appendTurn(conversation, turn);

        when(conversations.lastTurns(conversation, VapiCallUpdates.RECENT_TURNS)).thenReturn(List.of(turn));
        service.handle(Optional.of(SECRET), transcript("final", "user", "What are your hours?").with("at", spoken)
                .build());
        verify(conversations).appendTurn(any(), any());
    }

    @Test
    void anEndOfCallReportRecordsTheOutcomeCutToSizeAndCompletesTheCall() {
        Call call = known(tenant, CallStatus.IN_PROGRESS);
        String longReason = "r".repeat(250);

        service.handle(Optional.of(SECRET), event("end-of-call-report").with("endedReason", longReason)
                .with("summary", "Asked for the hours.").with("durationSeconds", 41.6).build());

        verify(calls).recordOutcome(call.id(), Optional.of("r".repeat(200)), Optional.of("Asked for the hours."));
        verify(calls).changeStatus(call.id(), CallStatus.COMPLETED, NOW, Optional.of(Duration.ofSeconds(42)));
        verify(conversations).end(conversation, NOW);
    }

    @Test
    void eventsMissingWhatTheirKindNeedsAreMalformedAndStoreNothing() {
        assertThat(service.handle(Optional.of(SECRET), event(null).build()))
                .isEqualTo(new Outcome.Malformed("message.type is required"));
        assertThat(service.handle(Optional.of(SECRET), event("status-update").with("status", "sideways").build()))
                .isEqualTo(new Outcome.Malformed("message.status must be one of " + VapiVocabulary.STATUSES));
        assertThat(service.handle(Optional.of(SECRET), event("status-update").with("callId", null)
                .with("status", "ended").build()))
                .isEqualTo(new Outcome.Malformed("message.call.id must be a text of 1 to 100 characters"));
        assertThat(service.handle(Optional.of(SECRET), event("status-update").with("callId", "c".repeat(101))
                .with("status", "ended").build())).isInstanceOf(Outcome.Malformed.class);
        assertThat(service.handle(Optional.of(SECRET), transcript("final", "system", "hi").build()))
                .isEqualTo(new Outcome.Malformed("message.role must be user or assistant"));
        assertThat(service.handle(Optional.of(SECRET), transcript("final", "user", "  ").build()))
                .isEqualTo(new Outcome.Malformed("message.transcript must be a non-empty text"));
        assertThat(service.handle(Optional.of(SECRET), transcript(null, "user", "hi").build()))
                .isEqualTo(new Outcome.Malformed("message.transcriptType must be partial or final"));
        assertThat(service.handle(Optional.of(SECRET), event("end-of-call-report").with("durationSeconds", -1.0)
                .build())).isInstanceOf(Outcome.Malformed.class);
        verify(calls, never()).createOrGet(any());
    }

    @Test
    void kindsParleyDoesNotUseAreIgnored() {
        assertThat(service.handle(Optional.of(SECRET), event("speech-update").build()))
                .isEqualTo(new Outcome.Ignored());
        verifyNoInteractions(calls);
    }

    private Call known(TenantId owner, CallStatus status) {
        Call call = new Call(new CallId(UUID.randomUUID()), owner, TelephonyProvider.VAPI, "call-1", "+15557654321",
                "+15551230000", CallDirection.INBOUND, status, conversation, NOW.minusSeconds(60), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), List.of(new CallStatusChange(status, NOW)));
        when(calls.findByProviderId(TelephonyProvider.VAPI, "call-1")).thenReturn(Optional.of(call));
        return call;
    }

    private static EventBuilder transcript(String kind, String role, String text) {
        return event("transcript").with("transcriptType", kind).with("role", role).with("transcript", text);
    }

    private static EventBuilder event(String type) {
        return new EventBuilder().with("type", type).with("callId", "call-1").with("from", "+15557654321")
                .with("to", "+15551230000");
    }

    /** A Vapi event built field by field; a field set to null is absent. */
    private static final class EventBuilder {

        private final Map<String, Object> fields = new HashMap<>();

        EventBuilder with(String field, Object value) {
            fields.put(field, value);
            return this;
        }

        VapiEvent build() {
            return new VapiEvent(get("type"), get("at"), get("callId"), get("callType"), get("callStatus"),
                    get("from"), get("to"), get("status"), get("transcriptType"), get("role"), get("transcript"),
                    get("endedReason"), get("summary"), get("durationSeconds"));
        }

        @SuppressWarnings("unchecked")
        private <T> Optional<T> get(String field) {
            return Optional.ofNullable((T) fields.get(field));
        }
    }
}
