package io.parley.core.signal;

import io.parley.core.session.PeerId;
import io.parley.core.session.SessionId;
import io.parley.core.tenant.TenantId;
import java.util.Objects;

/** A connecting client's claim to a session: only its own tenant and peer, with the right token, may resume it. */
public record ResumeClaim(SessionId sessionId, TenantId tenantId, PeerId peerId, String tokenHash) {

    public ResumeClaim {
        Objects.requireNonNull(sessionId);
        Objects.requireNonNull(tenantId);
        Objects.requireNonNull(peerId);
        Objects.requireNonNull(tokenHash);
    }
}
