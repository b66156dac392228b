package io.parley.application.telephony;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.parley.core.call.Call;
import io.parley.core.call.CallDirection;
import io.parley.core.call.CallId;
import io.parley.core.call.CallStatus;
import io.parley.core.call.CallStatusChange;
import io.parley.core.conversation.ConversationId;
import io.parley.core.port.out.CallRepository;
import io.parley.core.port.out.ConversationRepository;
import io.parley.core.port.out.UnitOfWork;
import io.parley.core.telephony.TelephonyProvider;
import io.parley.core.tenant.TenantId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** A call whose stream ended: completed with its length, its conversation ended, once. */
class CompleteCallServiceTest {

    private static final Instant STARTED = Instant.parse("2026-01-01T10:00:00Z");
    private static final Instant NOW = STARTED.plusMillis(42_700);

    private final TenantId tenant = new TenantId(UUID.randomUUID());
    private final Call call = new Call(new CallId(UUID.randomUUID()), tenant, TelephonyProvider.EXOTEL, "call_1", "",
            "", CallDirection.INBOUND, CallStatus.IN_PROGRESS, new ConversationId(UUID.randomUUID()), STARTED,
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
            List.of(new CallStatusChange(CallStatus.IN_PROGRESS, STARTED)));
    private final CallRepository calls = mock(CallRepository.class);
    private final ConversationRepository conversations = mock(ConversationRepository.class);
    private final UnitOfWork unitOfWork = mock(UnitOfWork.class);
    private final CompleteCallService service = new CompleteCallService(calls, conversations, unitOfWork,
            Clock.fixed(NOW, ZoneOffset.UTC));

    CompleteCallServiceTest() {
        when(calls.find(tenant, call.id())).thenReturn(Optional.of(call));
        when(unitOfWork.inTransaction(any())).thenAnswer(work -> ((Supplier<?>) work.getArgument(0)).get());
    }

    @Test
    void theCallCompletesWithItsLengthInWholeSecondsAndItsConversationEnds() {
        when(calls.changeStatus(any(), any(), any(), any())).thenReturn(true);
        service.complete(tenant, call.id());
        verify(calls).changeStatus(call.id(), CallStatus.COMPLETED, NOW, Optional.of(Duration.ofSeconds(42)));
        verify(conversations).end(call.conversationId(), NOW);
    }

    @Test
    void aCallAlreadyOverKeepsItsConversationAsItIs() {
        when(calls.changeStatus(any(), any(), any(), any())).thenReturn(false);
        service.complete(tenant, call.id());
        verify(conversations, never()).end(any(), any());
    }

    @Test
    void anotherTenantsCallIsLeftAlone() {
        service.complete(new TenantId(UUID.randomUUID()), call.id());
        verify(calls, never()).changeStatus(any(), any(), any(), any());
    }
}
