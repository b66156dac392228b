package io.parley.presentation.ws;

import io.parley.core.InvalidInputException;
import io.parley.core.NotFoundException;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.jboss.logging.Logger;

/** The one place where failures of socket work become error frames, with the codes docs/protocol.md lists. */
@Singleton
class SocketErrors {

    private static final Logger LOG = Logger.getLogger(SocketErrors.class);

    private final ServerFrames frames;

    SocketErrors(ServerFrames frames) {
        this.frames = frames;
    }

    String frameFor(Throwable failure, Optional<String> replyTo) {
        if (failure instanceof FrameRejectedException rejected) {
            return frames.error(rejected.code(), rejected.getMessage(), rejected.replyTo().or(() -> replyTo));
        }
        if (failure instanceof InvalidInputException invalid) {
            return frames.error(invalid.code(), invalid.getMessage(), replyTo);
        }
        if (failure instanceof NotFoundException notFound) {
            return frames.error("conversation_not_found", notFound.getMessage(), replyTo);
        }
        LOG.errorf(failure, "failed to handle a frame");
        return frames.error("internal_error", "the server could not handle the frame", replyTo);
    }
}
