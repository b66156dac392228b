package io.parley.presentation.ws;

import io.parley.core.port.in.StartVoiceUseCase;
import io.parley.core.port.in.StartVoiceUseCase.Start;
import io.parley.core.session.SessionId;
import io.vertx.core.Context;
import jakarta.inject.Singleton;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * Starts voice sessions for sockets: on a worker (it opens the conversation), then back on the socket's
 * event loop, where the socket's {@link VoiceLane} learns the outcome: running, or refused with
 * "voice_unavailable" (what to configure, or why the provider refused) or "voice_busy".
 */
@Singleton
class VoiceFrames {

    private final StartVoiceUseCase startVoice;
    private final ServerFrames frames;
    private final SocketErrors errors;
    private final BlockingWork blocking;

    VoiceFrames(StartVoiceUseCase startVoice, ServerFrames frames, SocketErrors errors, BlockingWork blocking) {
        this.startVoice = startVoice;
        this.frames = frames;
        this.errors = errors;
        this.blocking = blocking;
    }

    /** Starts start number {@code number} of the socket's voice lane; completes once it runs or was refused. */
    CompletionStage<?> start(ClientFrame.VoiceStart frame, long number, VoiceLane lane, SessionId session,
            SocketChannel channel, Context context) {
        SocketVoiceOutput output = new SocketVoiceOutput(channel, frames, lane, number, frame.id());
        return blocking.run(() -> startVoice.start(session, frame.settings(), output)).whenComplete((start, failure) ->
                context.runOnContext(ignored -> {
                    if (failure != null) {
                        lane.refused(number);
                        channel.send(errors.frameFor(failure instanceof CompletionException wrapped
                                && wrapped.getCause() != null ? wrapped.getCause() : failure, frame.id()));
                    } else {
                        start.accept(new Outcome(frame, number, lane, channel));
                    }
                }));
    }

    /** What the socket does with each outcome of a start, on its event loop. */
    private final class Outcome implements Start.Visitor<Void> {

        private final ClientFrame.VoiceStart frame;
        private final long number;
        private final VoiceLane lane;
        private final SocketChannel channel;

        Outcome(ClientFrame.VoiceStart frame, long number, VoiceLane lane, SocketChannel channel) {
            this.frame = frame;
            this.number = number;
            this.lane = lane;
            this.channel = channel;
        }

        @Override
        public Void started(Start.Started started) {
            lane.started(number, started.session());
            return null;
        }

        @Override
        public Void unavailable(Start.Unavailable unavailable) {
            lane.refused(number);
            channel.send(frames.error("voice_unavailable", unavailable.reason(), frame.id()));
            return null;
        }

        @Override
        public Void busy(Start.Busy busy) {
            lane.refused(number);
            channel.send(frames.error("voice_busy", "this node runs as many voice sessions as it may ("
                    + busy.maxSessions() + "); try again later or on another node", frame.id()));
            return null;
        }
    }
}
