package io.parley.core.signal;

/** A room a resumed session was put back in, or could not be (full meanwhile, or too many rooms). */
public record RoomRejoin(RoomName room, JoinOutcome outcome) {
}
