package io.parley.application.telephony;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.parley.application.conversation.ConversationTurns;
import io.parley.application.voice.VoiceStarter;
import io.parley.core.agent.Agent;
import io.parley.core.agent.AgentId;
import io.parley.core.call.Call;
import io.parley.core.call.CallStatus;
import io.parley.core.conversation.Channel;
import io.parley.core.conversation.ConversationId;
import io.parley.core.port.in.ConnectCallMediaUseCase.Connection;
import io.parley.core.port.in.StartExotelCallUseCase.ExotelCall;
import io.parley.core.port.in.StartVoiceUseCase.Start;
import io.parley.core.port.out.AgentRepository;
import io.parley.core.port.out.AuditTrail;
import io.parley.core.port.out.CallRepository;
import io.parley.core.port.out.ConversationRepository;
import io.parley.core.port.out.IdGenerator;
import io.parley.core.port.out.UnitOfWork;
import io.parley.core.port.out.VoiceOutput;
import io.parley.core.session.PeerId;
import io.parley.core.session.SessionEvent;
import io.parley.core.telephony.ExotelGrant;
import io.parley.core.telephony.TelephonyProvider;
import io.parley.core.tenant.TenantId;
import io.parley.core.voice.AudioEncoding;
import io.parley.core.voice.AudioFormat;
import io.parley.core.voice.VoiceSession;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** An Exotel call taken at its stream's start: stored once, its stream claimed once, its voice started. */
class StartExotelCallServiceTest {

    private static final Instant NOW = Instant.parse("2026-01-01T10:00:00Z");

    private final TenantId tenant = new TenantId(UUID.randomUUID());
    private final Agent agent = Agent.defaultFor(new AgentId(UUID.randomUUID()), tenant);
    private final ConversationId conversation = new ConversationId(UUID.randomUUID());
    private final CallRepository calls = mock(CallRepository.class);
    private final ConversationRepository conversations = mock(ConversationRepository.class);
    private final AgentRepository agents = mock(AgentRepository.class);
    private final ConversationTurns turns = mock(ConversationTurns.class);
    private final VoiceStarter starter = mock(VoiceStarter.class);
    private final AuditTrail audit = mock(AuditTrail.class);
    private final UnitOfWork unitOfWork = mock(UnitOfWork.class);
    private final IdGenerator ids = mock(IdGenerator.class);
    private final VoiceOutput output = mock(VoiceOutput.class);
    private final StartExotelCallService service = new StartExotelCallService(calls, conversations, agents, turns,
            starter, audit, unitOfWork, ids, Clock.fixed(NOW, ZoneOffset.UTC));
    private final ExotelCall call = new ExotelCall(new ExotelGrant(tenant, "parley1"), "parley1", "call_1",
            "stream_1", "09876543210", "08047112233", new AudioFormat(AudioEncoding.LINEAR16, 8000));

    StartExotelCallServiceTest() {
        when(agents.findDefault(tenant)).thenReturn(Optional.of(agent));
        when(ids.newId()).thenReturn(UUID.randomUUID());
        when(unitOfWork.inTransaction(any())).thenAnswer(work -> ((Supplier<?>) work.getArgument(0)).get());
        when(turns.start(any(), any(), any(), any(), any())).thenReturn(conversation);
        when(calls.createOrGet(any())).thenAnswer(created -> created.getArgument(0));
        when(calls.claimStream(any(), any())).thenReturn(true);
    }

    @Test
    void aNewCallIsStoredInProgressInAPhoneConversationAndItsVoiceStarted() {
        VoiceSession session = mock(VoiceSession.class);
        when(starter.start(any(), any(), any())).thenReturn(new Start.Started(session));

        Connection connection = service.start(call, output);

        ArgumentCaptor<Call> stored = ArgumentCaptor.forClass(Call.class);
        verify(calls).createOrGet(stored.capture());
        assertThat(stored.getValue()).satisfies(created -> {
            assertThat(created.provider()).isEqualTo(TelephonyProvider.EXOTEL);
            assertThat(created.providerCallId()).isEqualTo("call_1");
            assertThat(created.status()).isEqualTo(CallStatus.IN_PROGRESS);
            assertThat(created.from()).isEqualTo("09876543210");
            assertThat(created.conversationId()).isEqualTo(conversation);
        });
        verify(turns).start(tenant, new PeerId("phone-09876543210"), agent, Channel.PHONE, NOW);
        verify(calls).claimStream(stored.getValue().id(), "stream_1");
        assertThat(connection).isEqualTo(new Connection.Started(stored.getValue().id(), session));
    }

    @Test
    void aStartNamingAnotherAccountIsRefusedAuditedAndStoresNothing() {
        ExotelCall foreign = new ExotelCall(call.grant(), "other1", "call_1", "stream_1", "", "", call.format());

        assertThat(service.start(foreign, output)).isInstanceOf(Connection.Refused.class);

        verify(calls, never()).createOrGet(any());
        verify(starter, never()).start(any(), any(), any());
        ArgumentCaptor<SessionEvent> refusal = ArgumentCaptor.forClass(SessionEvent.class);
        verify(audit).record(refusal.capture());
        assertThat(refusal.getValue().tenantId()).contains(tenant);
        assertThat(refusal.getValue().reason()).hasValueSatisfying(reason -> assertThat(reason)
                .contains("account_sid"));
    }

    @Test
    void aSecondStreamOfTheCallIsRefused() {
        when(calls.claimStream(any(), any())).thenReturn(false);

        assertThat(service.start(call, output)).isEqualTo(new Connection.Refused("the call already has a stream"));

        verify(starter, never()).start(any(), any(), any());
    }

    @Test
    void whenVoiceCannotRunTheCallIsStoredAsFailedAndItsConversationEnds() {
        when(starter.start(any(), any(), any())).thenReturn(new Start.Unavailable("set parley.deepgram.api-key"));
        when(calls.changeStatus(any(), any(), any(), any())).thenReturn(true);

        assertThat(service.start(call, output)).isEqualTo(new Connection.Unavailable("set parley.deepgram.api-key"));

        ArgumentCaptor<Call> stored = ArgumentCaptor.forClass(Call.class);
        verify(calls).createOrGet(stored.capture());
        verify(calls).changeStatus(stored.getValue().id(), CallStatus.FAILED, NOW, Optional.of(Duration.ZERO));
        verify(conversations).end(conversation, NOW);
    }

    @Test
    void theStreamMustNameItsIdsWell() {
        assertThatThrownBy(() -> new ExotelCall(call.grant(), "parley1",
                "call\"1", "stream_1", "", "", call.format())).hasMessageContaining("start.call_sid");
    }
}
