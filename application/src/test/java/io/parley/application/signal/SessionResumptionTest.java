package io.parley.application.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.parley.core.auth.AuthenticatedPeer;
import io.parley.core.port.in.HandOverSessionUseCase;
import io.parley.core.port.in.JoinRoomUseCase;
import io.parley.core.port.out.PeerDirectory;
import io.parley.core.port.out.ResumeStore;
import io.parley.core.port.out.SignalBus;
import io.parley.core.session.PeerId;
import io.parley.core.session.ResumeToken;
import io.parley.core.session.SessionId;
import io.parley.core.signal.PeerAddress;
import io.parley.core.signal.PeerPresence;
import io.parley.core.signal.RecentFrames;
import io.parley.core.signal.ResumeCheck;
import io.parley.core.signal.ResumeClaim;
import io.parley.core.signal.ResumeTicket;
import io.parley.core.signal.SessionLocation;
import io.parley.core.tenant.TenantId;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Who may resume a session, how a live one is taken over, and what a resume replays. */
class SessionResumptionTest {

    private final ResumeStore store = mock(ResumeStore.class);
    private final PeerDirectory directory = mock(PeerDirectory.class);
    private final SignalBus bus = mock(SignalBus.class);
    private final HandOverSessionUseCase handOver = mock(HandOverSessionUseCase.class);
    private final SessionResumption resumption = new SessionResumption(store, directory, bus, handOver,
            mock(JoinRoomUseCase.class), Duration.ofMillis(300));
    private final AuthenticatedPeer bob = new AuthenticatedPeer(new TenantId(UUID.randomUUID()), new PeerId("bob"));
    private final SessionId session = new SessionId(UUID.randomUUID());
    private final ResumeToken token = ResumeToken.issue(session, UUID.randomUUID());
    private final ResumeClaim claim = new ResumeClaim(session, bob.tenantId(), bob.peerId(), token.hash());

    private static final ResumePreparation NOT_RESUMABLE = new ResumePreparation.NotResumable();

    @BeforeEach
    void node() {
        when(bus.nodeId()).thenReturn("node-1");
        when(directory.locate(any())).thenReturn(Optional.empty());
        when(store.check(any())).thenReturn(ResumeCheck.NONE);
        when(store.reserve(any(), any())).thenReturn(true);
    }

    @Test
    void aWaitingRecordIsReservedWithoutSpendingIt() {
        when(store.check(claim)).thenReturn(ResumeCheck.MATCHES);
        assertThat(resumption.prepare(bob, token.value())).isEqualTo(new ResumePreparation.Reserved(claim));
        verify(store).reserve(any(), any());
        verify(store, never()).take(any());
    }

    @Test
    void aRecordAnotherConnectionIsResumingIsInProgress() {
        when(store.check(claim)).thenReturn(ResumeCheck.MATCHES);
        when(store.reserve(any(), any())).thenReturn(false);
        assertThat(resumption.prepare(bob, token.value())).isInstanceOf(ResumePreparation.InProgress.class);
    }

    @Test
    void aMalformedTokenOrAnotherPeersClaimGetsNothingAndAsksNoNodeForAHandover() {
        assertThat(resumption.prepare(bob, "not-a-token")).isEqualTo(NOT_RESUMABLE);
        when(directory.locate(new PeerAddress(bob.tenantId(), bob.peerId()))).thenReturn(Optional.of(
                new PeerPresence(true, new SessionLocation("node-2", new SessionId(UUID.randomUUID())))));
        assertThat(resumption.prepare(bob, token.value())).isEqualTo(NOT_RESUMABLE);
        verify(bus, never()).requestHandover(any(), any(), any());
        verify(handOver, never()).handOver(any());
        verify(store, never()).reserve(any(), any());
    }

    @Test
    void aSessionStillLiveOnAnotherNodeIsHandedOverThenReserved() {
        SessionLocation holder = new SessionLocation("node-2", session);
        when(directory.locate(any())).thenReturn(Optional.of(new PeerPresence(true, holder)));
        when(bus.requestHandover(holder, claim, Duration.ofMillis(300)))
                .thenReturn(CompletableFuture.completedFuture(true));
        when(store.check(claim)).thenReturn(ResumeCheck.NONE, ResumeCheck.MATCHES);
        assertThat(resumption.prepare(bob, token.value())).isEqualTo(new ResumePreparation.Reserved(claim));
    }

    @Test
    void aHandoverTheHolderRefusesEndsAtOnce() {
        SessionLocation holder = new SessionLocation("node-2", session);
        when(directory.locate(any())).thenReturn(Optional.of(new PeerPresence(true, holder)));
        when(bus.requestHandover(holder, claim, Duration.ofMillis(300)))
                .thenReturn(CompletableFuture.completedFuture(false));
        long started = System.nanoTime();
        assertThat(resumption.prepare(bob, token.value())).isEqualTo(NOT_RESUMABLE);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(200));
    }

    @Test
    void aSessionStillLiveHereIsHandedOverHereAndARefusedHandoverGetsNothing() {
        when(directory.locate(any())).thenReturn(Optional.of(new PeerPresence(true,
                new SessionLocation("node-1", session))));
        when(handOver.handOver(claim)).thenReturn(false);
        assertThat(resumption.prepare(bob, token.value())).isEqualTo(NOT_RESUMABLE);
        verify(handOver).handOver(claim);
        verify(bus, never()).requestHandover(any(), any(), any());
    }

    @Test
    void aRecordThatIsNotTheClaimsEndsTheWaitAtOnceAndSpendsNothing() {
        when(directory.locate(any())).thenReturn(Optional.of(new PeerPresence(false,
                new SessionLocation("node-2", session))));
        when(store.check(claim)).thenReturn(ResumeCheck.NONE, ResumeCheck.DENIED);
        long started = System.nanoTime();
        assertThat(resumption.prepare(bob, token.value())).isEqualTo(NOT_RESUMABLE);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(250));
        verify(store, never()).take(any());
    }

    @Test
    void aHolderThatNeverAnswersIsGivenUpAfterTheTimeout() {
        when(directory.locate(any())).thenReturn(Optional.of(new PeerPresence(true,
                new SessionLocation("node-2", session))));
        when(bus.requestHandover(any(), any(), any())).thenReturn(new CompletableFuture<>());
        long started = System.nanoTime();
        assertThat(resumption.prepare(bob, token.value())).isEqualTo(NOT_RESUMABLE);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofMillis(250),
                Duration.ofSeconds(3));
    }

    @Test
    void theFramesAfterWhatTheClientSawAreReplayedThenThoseKeptWhileAway() {
        when(store.take(claim)).thenReturn(Optional.of(ticket(new RecentFrames(7, List.of("f5", "f6", "f7"), 7),
                List.of("m1", "m2"), 2, false)));
        var resumed = resumption.take(claim, OptionalLong.of(5)).orElseThrow().resumed();
        assertThat(resumed.replayed()).containsExactly("f6", "f7");
        assertThat(resumed.missedFrames()).containsExactly("m1", "m2");
        assertThat(resumed.lastSeq()).isEqualTo(7);
        assertThat(resumed.missedCount()).isEqualTo(4);
        assertThat(resumed.lost()).isFalse();
    }

    @Test
    void aGapBetweenWhatTheClientSawAndWhatWasKeptIsLost() {
        when(store.take(claim)).thenReturn(Optional.of(ticket(new RecentFrames(7, List.of("f6", "f7"), 7),
                List.of(), 0, false)));
        var resumed = resumption.take(claim, OptionalLong.of(3)).orElseThrow().resumed();
        assertThat(resumed.lost()).isTrue();
        assertThat(resumed.replayed()).isEmpty();
    }

    @Test
    void withoutSeenWhatTheOldSocketNeverTookIsReplayedThenWhatWasKeptWhileAway() {
        when(store.take(claim)).thenReturn(Optional.of(ticket(new RecentFrames(7, List.of("f6", "f7"), 6),
                List.of("m1"), 1, false)));
        var resumed = resumption.take(claim, OptionalLong.empty()).orElseThrow().resumed();
        assertThat(resumed.replayed()).containsExactly("f7");
        assertThat(resumed.missedFrames()).containsExactly("m1");
        assertThat(resumed.missedCount()).isEqualTo(2);
    }

    private ResumeTicket ticket(RecentFrames sent, List<String> missed, long count, boolean lost) {
        return new ResumeTicket(session, bob.tenantId(), bob.peerId(), List.of(), sent, missed, count, lost);
    }
}
