package io.parley.presentation.ws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.parley.core.port.in.RelaySignalUseCase;
import io.parley.core.session.PeerId;
import io.parley.core.session.SessionId;
import io.parley.core.signal.Delivery;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

/** A connection's relays awaiting the bus are bounded: past the window, its lane waits. */
class RelayFramesTest {

    @Test
    void pastTheWindowARelayHoldsTheLaneUntilTheBusConfirmsIt() {
        RelaySignalUseCase relay = mock(RelaySignalUseCase.class);
        List<CompletableFuture<Delivery>> pending = new ArrayList<>();
        when(relay.relay(any(), any(), any())).thenAnswer(call -> {
            CompletableFuture<Delivery> delivery = new CompletableFuture<>();
            pending.add(delivery);
            return delivery;
        });
        RelayFrames frames = new RelayFrames(relay, new ServerFrames(new ObjectMapper()));
        RelayWindow window = new RelayWindow();
        ClientFrame.Relay offer = new ClientFrame.Relay(Optional.empty(), new PeerId("bob"), "{\"type\":\"offer\"}");
        SessionId session = new SessionId(UUID.randomUUID());
        List<CompletionStage<?>> steps = new ArrayList<>();
        for (int i = 0; i < RelayWindow.SIZE; i++) {
            steps.add(frames.relay(offer, session, mock(SocketChannel.class), window));
        }
        assertThat(steps.subList(0, RelayWindow.SIZE - 1)).allMatch(step -> step.toCompletableFuture().isDone());
        CompletionStage<?> last = steps.get(RelayWindow.SIZE - 1);
        assertThat(last.toCompletableFuture().isDone()).as("the window is full: the lane waits").isFalse();
        pending.get(RelayWindow.SIZE - 1).complete(Delivery.DELIVERED);
        assertThat(last.toCompletableFuture().isDone()).isTrue();
        assertThat(window.full()).isFalse();
    }
}
