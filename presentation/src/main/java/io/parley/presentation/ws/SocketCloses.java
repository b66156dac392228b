package io.parley.presentation.ws;

import io.parley.core.session.CloseCause;
import io.quarkus.websockets.next.CloseReason;

/** The WebSocket close codes of the signalling socket: the one place where domain close causes become codes. */
final class SocketCloses {

    static final int SLOW_CONSUMER = 1008;
    static final int TOO_BIG = 1009;
    static final int TRY_AGAIN_LATER = 1013;

    private SocketCloses() {
    }

    static CloseReason of(CloseCause cause) {
        int code = switch (cause) {
            case REPLACED, RESUMED_ELSEWHERE -> 4409;
            case IDLE -> 4408;
            case DRAINING -> 1012;
        };
        return new CloseReason(code, cause.reason());
    }
}
