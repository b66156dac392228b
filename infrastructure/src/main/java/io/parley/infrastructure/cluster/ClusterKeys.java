package io.parley.infrastructure.cluster;

import io.parley.core.session.SessionId;
import io.parley.core.signal.PeerAddress;
import io.parley.core.signal.RoomName;
import io.parley.core.tenant.TenantId;

/** Names of the Redis keys and channels that hold the cluster's shared state. */
final class ClusterKeys {

    static final String NODES = "parley:nodes";

    private ClusterKeys() {
    }

    static String peer(PeerAddress peer) {
        return "parley:peer:" + peer.tenantId() + ":" + peer.peerId();
    }

    static String room(TenantId tenant, RoomName room) {
        return "parley:room:" + tenant + ":" + room;
    }

    static String nodePeers(String nodeId) {
        return "parley:node-peers:" + nodeId;
    }

    static String nodeRooms(String nodeId) {
        return "parley:node-rooms:" + nodeId;
    }

    static String inbox(String nodeId) {
        return "parley:node:" + nodeId;
    }

    static String resume(SessionId session) {
        return "parley:resume:" + session;
    }

    static String resuming(SessionId session) {
        return "parley:resuming:" + session;
    }

    static String sent(SessionId session) {
        return "parley:sent:" + session;
    }

    static String missed(SessionId session) {
        return "parley:missed:" + session;
    }

    static String missedMeta(SessionId session) {
        return "parley:missed-meta:" + session;
    }

    static String tenantSessions(TenantId tenant) {
        return "parley:tenant-sessions:" + tenant;
    }

    static String nodeTenants(String nodeId) {
        return "parley:node-tenants:" + nodeId;
    }

    static String cleanupClaim(String nodeId) {
        return "parley:cleanup:" + nodeId;
    }
}
