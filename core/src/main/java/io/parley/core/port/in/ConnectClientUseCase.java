package io.parley.core.port.in;

import io.parley.core.auth.AuthenticatedPeer;
import io.parley.core.port.out.ClientChannel;
import io.parley.core.session.ClientSession;
import io.parley.core.signal.RoomRejoin;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** Opens a session for an authenticated peer, unless the node, the tenant or the cluster cannot take it. */
public interface ConnectClientUseCase {

    /** Connects; with a resume request, takes back the session that went away (or went silent) with it. */
    Result connect(AuthenticatedPeer peer, ClientChannel channel, Optional<ResumeRequest> resume);

    /** A resume token and, optionally, the sequence number of the last replayable frame the client received. */
    record ResumeRequest(String token, OptionalLong seen) {
    }

    /** Connected with a session, or refused with a reason. */
    sealed interface Result {
        /** The session; when a resume was asked for, what became of it, and the rooms it is back in. */
        record Connected(ClientSession session, Optional<Resumed> resumed, List<RoomRejoin> rejoined)
                implements Result {

            public Connected {
                rejoined = List.copyOf(rejoined);
            }
        }

        record Refused(String reason) implements Result {
        }
    }

    /**
     * The outcome of a resume: frames written before the drop that the client had not seen (with their
     * sequence numbers), then the frames kept while away (to be numbered after {@code lastSeq}), and
     * whether some were lost (window passed, a bound exceeded) so that the client must renegotiate.
     */
    record Resumed(List<String> replayed, List<String> missedFrames, long lastSeq, long missedCount, boolean lost) {
        public Resumed {
            replayed = List.copyOf(replayed);
            missedFrames = List.copyOf(missedFrames);
        }

        /** A resume that brought nothing back. */
        public static Resumed lostSession() {
            return new Resumed(List.of(), List.of(), 0, 0, true);
        }
    }
}
