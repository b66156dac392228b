package io.parley.core.auth;

import io.parley.core.session.PeerId;
import io.parley.core.signal.PeerAddress;
import io.parley.core.tenant.TenantId;

/** A caller whose credentials proved it is this peer of this tenant. */
public record AuthenticatedPeer(TenantId tenantId, PeerId peerId) {

    public PeerAddress address() {
        return new PeerAddress(tenantId, peerId);
    }
}
