package io.parley.presentation.ws;

import io.parley.core.port.in.JoinRoomUseCase;
import io.parley.core.port.in.LeaveRoomUseCase;
import io.parley.core.session.SessionId;
import io.parley.core.signal.JoinOutcome;
import io.parley.core.signal.RoomMember;
import jakarta.inject.Singleton;
import java.util.concurrent.CompletionStage;

/** Joins and leaves rooms on a worker and answers with joined, left or an error frame. */
@Singleton
class RoomFrames {

    private final JoinRoomUseCase join;
    private final LeaveRoomUseCase leave;
    private final ServerFrames frames;
    private final SocketErrors errors;
    private final BlockingWork blocking;

    RoomFrames(JoinRoomUseCase join, LeaveRoomUseCase leave, ServerFrames frames, SocketErrors errors,
            BlockingWork blocking) {
        this.join = join;
        this.leave = leave;
        this.frames = frames;
        this.errors = errors;
        this.blocking = blocking;
    }

    CompletionStage<?> join(ClientFrame.Join frame, SessionId session, SocketChannel channel) {
        return blocking.run(() -> {
            try {
                return joined(frame, join.join(session, frame.room()));
            } catch (RuntimeException e) {
                return errors.frameFor(e, frame.id());
            }
        }).thenAccept(channel::send);
    }

    CompletionStage<?> leave(ClientFrame.Leave frame, SessionId session, SocketChannel channel) {
        return blocking.run(() -> {
            try {
                return leave.leave(session, frame.room()) ? frames.left(frame.id(), frame.room().value())
                        : frames.error("not_in_room", "not in room " + frame.room(), frame.id());
            } catch (RuntimeException e) {
                return errors.frameFor(e, frame.id());
            }
        }).thenAccept(channel::send);
    }

    private String joined(ClientFrame.Join frame, JoinOutcome outcome) {
        if (outcome instanceof JoinOutcome.Full full) {
            return frames.error("room_full", "room " + frame.room() + " already has " + full.maxPeers() + " peers",
                    frame.id());
        }
        if (outcome instanceof JoinOutcome.TooManyRooms limit) {
            return frames.error("room_limit", "a session may be in at most " + limit.maxRooms() + " rooms",
                    frame.id());
        }
        return frames.joined(frame.id(), frame.room().value(), ((JoinOutcome.Joined) outcome).others().stream()
                .map(RoomMember::peerId).map(Object::toString).toList());
    }
}
