package io.parley.core.port.in;

import io.parley.core.auth.AuthenticatedPeer;
import io.parley.core.port.out.ClientChannel;
import io.parley.core.session.ClientSession;
import java.util.List;
import java.util.Optional;

/** Opens a session for an authenticated peer, unless the node, the tenant or the cluster cannot take it. */
public interface ConnectClientUseCase {

    /** Connects; with a resume token, takes back the session that went away with it. */
    Result connect(AuthenticatedPeer peer, ClientChannel channel, Optional<String> resumeToken);

    /** Connected with a session, or refused with a reason. */
    sealed interface Result {
        /** The session, and when a resume was asked for, what became of it. */
        record Connected(ClientSession session, Optional<Resumed> resumed) implements Result {
        }

        record Refused(String reason) implements Result {
        }
    }

    /**
     * The outcome of a resume: the frames kept while away, in order, and whether some were lost
     * (window passed or the bound was exceeded) so that the client must renegotiate.
     */
    record Resumed(List<String> missedFrames, long missedCount, boolean lost) {
        public Resumed {
            missedFrames = List.copyOf(missedFrames);
        }
    }
}
