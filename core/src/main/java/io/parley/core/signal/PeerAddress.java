package io.parley.core.signal;

import io.parley.core.session.PeerId;
import io.parley.core.tenant.TenantId;
import java.util.Objects;

/** A peer as the cluster knows it: peer ids are only unique within a tenant. */
public record PeerAddress(TenantId tenantId, PeerId peerId) {

    public PeerAddress {
        Objects.requireNonNull(tenantId);
        Objects.requireNonNull(peerId);
    }
}
