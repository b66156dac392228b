package io.parley.application.signal;

import io.parley.core.port.in.DisconnectClientUseCase;
import io.parley.core.port.in.HandOverSessionUseCase;
import io.parley.core.port.out.SessionRegistry;
import io.parley.core.session.ClientSession;
import io.parley.core.session.CloseCause;
import io.parley.core.session.ResumeToken;
import io.parley.core.signal.ResumeClaim;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Hands a live session over to a resume on another connection: the old socket is closed (it is
 * usually half-open) and the session ends resumable, keeping the frames its client may not have got.
 */
public class HandOverSessionService implements HandOverSessionUseCase {

    static final String REASON = "resumed on another connection";

    private final SessionRegistry sessions;
    private final DisconnectClientUseCase disconnect;

    public HandOverSessionService(SessionRegistry sessions, DisconnectClientUseCase disconnect) {
        this.sessions = sessions;
        this.disconnect = disconnect;
    }

    @Override
    public boolean handOver(ResumeClaim claim) {
        return sessions.find(claim.sessionId()).filter(session -> owns(session, claim))
                .flatMap(session -> sessions.channel(session.id())).map(channel -> {
                    channel.close(CloseCause.RESUMED_ELSEWHERE);
                    disconnect.disconnect(claim.sessionId(), channel, REASON, true);
                    return true;
                }).orElse(false);
    }

    /** Same tenant and peer, and the session's token — or the one it resumed with, while its welcome is unsent. */
    private static boolean owns(ClientSession session, ResumeClaim claim) {
        return session.tenantId().equals(claim.tenantId()) && session.peerId().equals(claim.peerId())
                && (same(ResumeToken.hashOf(session.resumeToken()), claim.tokenHash())
                        || session.priorTokenHash().filter(prior -> same(prior, claim.tokenHash())).isPresent());
    }

    private static boolean same(String hash, String other) {
        return MessageDigest.isEqual(hash.getBytes(StandardCharsets.US_ASCII), other.getBytes(StandardCharsets.US_ASCII));
    }
}
