package io.parley.presentation.ws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.parley.core.port.in.ConnectClientUseCase.Resumed;
import io.parley.core.session.ConnectionLimits;
import io.parley.core.session.PeerId;
import io.parley.core.signal.Outbound;
import io.parley.core.signal.RoomName;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** What one socket may make the node hold, in bytes, and how frames are numbered and kept for a resume. */
class SocketChannelTest {

    private final WebSocketConnection connection = mock(WebSocketConnection.class);
    private final List<String> written = new ArrayList<>();
    private final ServerFrames frames = new ServerFrames(new ObjectMapper());
    private boolean writesComplete = true;

    @BeforeEach
    void transport() {
        when(connection.isOpen()).thenReturn(true);
        when(connection.close(any(CloseReason.class))).thenReturn(Uni.createFrom().voidItem());
        when(connection.sendText(anyString())).thenAnswer(invocation -> {
            written.add(invocation.getArgument(0));
            return writesComplete ? Uni.createFrom().voidItem() : Uni.createFrom().nothing();
        });
    }

    private BufferBudget budget;

    private SocketChannel channel(long maxPendingBytes, long nodeBytes) {
        budget = new BufferBudget(new ConnectionLimits(1, 100_000, 1, 1, 1, 1, nodeBytes, 1));
        return new SocketChannel(connection, frames, new ConnectionLimits(1000, maxPendingBytes, 1024, 4, 3, 8 * 1024,
                nodeBytes, 4), budget);
    }

    private static Outbound.Relayed offer(String sdp) {
        return new Outbound.Relayed("{\"type\":\"offer\",\"sdp\":\"" + sdp + "\",\"from\":\"alice\"}");
    }

    @Test
    void aClientThatStopsReadingIsClosedOnceItsUnwrittenFramesPassTheByteBoundNotBefore() {
        writesComplete = false;
        SocketChannel channel = channel(100_000, 10_000_000);
        channel.open(List.of(), Optional.empty(), () -> { });
        String sdp = "x".repeat(30_000);
        for (int i = 0; i < 3; i++) {
            channel.deliver(offer(sdp));
        }
        verify(connection, never()).close(any(CloseReason.class));
        channel.deliver(offer(sdp));
        ArgumentCaptor<CloseReason> reason = ArgumentCaptor.forClass(CloseReason.class);
        verify(connection).close(reason.capture());
        assertThat(reason.getValue().getCode()).isEqualTo(1008);
        assertThat(channel.closedFor()).contains("1008 slow consumer");
        assertThat(written).hasSize(3);
    }

    @Test
    void framesThatWereWrittenFreeTheirBytes() {
        SocketChannel channel = channel(100_000, 10_000_000);
        channel.open(List.of(), Optional.empty(), () -> { });
        for (int i = 0; i < 50; i++) {
            channel.deliver(offer("x".repeat(30_000)));
        }
        verify(connection, never()).close(any(CloseReason.class));
        assertThat(written).hasSize(50);
    }

    @Test
    void theNodesBudgetBoundsAllSocketsTogether() {
        writesComplete = false;
        SocketChannel first = channel(100_000, 50_000);
        first.open(List.of(), Optional.empty(), () -> { });
        first.deliver(offer("x".repeat(30_000)));
        verify(connection, never()).close(any(CloseReason.class));
        first.deliver(offer("x".repeat(30_000)));
        verify(connection).close(any(CloseReason.class));
    }

    @Test
    void framesBeforeTheWelcomeAreHeldThenNumberedInOrderAfterIt() {
        SocketChannel channel = channel(100_000, 10_000_000);
        channel.deliver(new Outbound.PeerJoined(new RoomName("r"), new PeerId("bob")));
        channel.send("{\"type\":\"pong\"}");
        channel.deliver(offer("v=1"));
        assertThat(written).isEmpty();
        channel.open(List.of("{\"type\":\"welcome\"}"), Optional.empty(), () -> { });
        assertThat(written).containsExactly("{\"type\":\"welcome\"}",
                "{\"type\":\"peer.joined\",\"room\":\"r\",\"peer\":\"bob\",\"seq\":1}", "{\"type\":\"pong\"}",
                "{\"type\":\"offer\",\"sdp\":\"v=1\",\"from\":\"alice\",\"seq\":2}");
    }

    @Test
    void framesAreKeptUntilAPongAcknowledgesThemAndAResumeContinuesTheirNumbers() {
        SocketChannel channel = channel(100_000, 10_000_000);
        channel.open(List.of(), Optional.of(new Resumed(List.of("{\"seq\":7}"), List.of("{\"type\":\"offer\"}"), 7, 2,
                false)), () -> { });
        assertThat(written).containsExactly("{\"seq\":7}", "{\"type\":\"offer\",\"seq\":8}");
        channel.deliver(offer("v=9"));
        assertThat(channel.recentFrames().lastSeq()).isEqualTo(9);
        assertThat(channel.recentFrames().frames()).hasSize(3).as("at most three kept").endsWith(
                "{\"type\":\"offer\",\"sdp\":\"v=9\",\"from\":\"alice\",\"seq\":9}");
        assertThat(channel.recentFrames().lastDelivered()).isEqualTo(9);
        channel.acknowledge(8);
        assertThat(channel.recentFrames().frames()).hasSize(1);
        assertThat(channel.recentFrames().covers(8)).isTrue();
    }

    @Test
    void framesHeldForASocketThatNeverOpensAreGivenBackToTheNodesBudget() {
        SocketChannel channel = channel(100_000, 10_000_000);
        channel.deliver(offer("x".repeat(2_000)));
        channel.send("{\"type\":\"pong\"}");
        assertThat(budget.used()).isPositive();
        channel.discard();
        assertThat(budget.used()).isZero();
        channel.deliver(offer("after"));
        assertThat(budget.used()).as("nothing charged once discarded").isZero();
    }

    @Test
    void aSocketGoneAfterItsWelcomeStillNumbersAndKeepsFramesForAResume() {
        SocketChannel channel = channel(100_000, 10_000_000);
        channel.open(List.of(), Optional.empty(), () -> { });
        channel.discard();
        channel.deliver(offer("v=1"));
        channel.deliver(offer("v=2"));
        assertThat(budget.used()).isZero();
        assertThat(written).isEmpty();
        assertThat(channel.recentFrames().frames()).hasSize(2);
        assertThat(channel.recentFrames().lastDelivered()).as("never taken by the transport").isZero();
    }

    @Test
    void theWelcomeCallbackRunsOnceTheTransportTookIt() {
        SocketChannel channel = channel(100_000, 10_000_000);
        boolean[] welcomed = {false};
        channel.open(List.of("{\"type\":\"welcome\"}", "{\"type\":\"resumed\"}"), Optional.empty(),
                () -> welcomed[0] = true);
        assertThat(welcomed[0]).isTrue();
    }
}
