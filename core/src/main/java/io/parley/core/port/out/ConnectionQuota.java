package io.parley.core.port.out;

import io.parley.core.session.SessionId;
import io.parley.core.tenant.TenantId;
import java.util.Collection;
import java.util.List;

/** Counts each tenant's live sessions across every node, for tenants that have a connection cap. */
public interface ConnectionQuota {

    /** Counts the session in unless the tenant already has {@code max} live sessions. */
    boolean acquire(TenantId tenant, SessionId session, String nodeId, int max);

    /** Stops counting the session, if the count is this node's (a session resumed elsewhere is counted there). */
    void release(TenantId tenant, SessionId session, String nodeId);

    /** Drops every session that lived on a dead node. */
    void evictNode(String nodeId);

    /** Re-asserts this node's live sessions (after a Redis restart, for example). */
    void refresh(String nodeId, Collection<Entry> live);

    /** Every session counted for a node (and forgets index entries of tenants it no longer counts). */
    List<Entry> entriesOf(String nodeId);

    /** One counted session. */
    record Entry(TenantId tenant, SessionId session) {
    }
}
