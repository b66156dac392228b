package io.parley.presentation.ws;

import java.util.Optional;

/** A client frame that cannot be handled; answered with an error frame, the socket stays open. */
class FrameRejectedException extends RuntimeException {

    private final String code;
    private final transient Optional<String> replyTo;

    FrameRejectedException(String code, String message, Optional<String> replyTo) {
        super(message);
        this.code = code;
        this.replyTo = replyTo;
    }

    String code() {
        return code;
    }

    Optional<String> replyTo() {
        return replyTo;
    }
}
