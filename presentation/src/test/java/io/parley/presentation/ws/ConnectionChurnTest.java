package io.parley.presentation.ws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.parley.core.port.out.ConnectionQuota;
import io.parley.core.port.out.PeerDirectory;
import io.parley.core.port.out.RoomStore;
import io.parley.core.port.out.SessionRegistry;
import io.parley.core.port.out.SignalBus;
import io.parley.core.tenant.TenantId;
import io.parley.presentation.support.Await;
import io.parley.presentation.support.Parley;
import io.parley.presentation.support.Parley.TenantAccess;
import io.parley.presentation.support.RawSocket;
import io.parley.presentation.support.SocketClient;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Clients that open sockets and drop them at the worst moments (before the upgrade is answered, during
 * admission, in the middle of a join, right after an offer) leave nothing behind: not on the node, not in
 * the tenant's connection count, not in rooms, not in the directory.
 */
@QuarkusTest
class ConnectionChurnTest {

    @TestHTTPResource("/")
    URI base;

    @Inject
    SessionRegistry registry;

    @Inject
    PeerDirectory directory;

    @Inject
    RoomStore rooms;

    @Inject
    ConnectionQuota quota;

    @Inject
    SignalBus bus;

    @Test
    void socketsResetAtEveryMomentLeaveRegistryQuotaRoomsAndDirectoryAsTheyWere() throws Exception {
        TenantAccess tenant = Parley.newTenant();
        Parley.capConnections(tenant, 4);
        TenantId tenantId = new TenantId(UUID.fromString(tenant.id()));
        List<String> tokens = new ArrayList<>();
        for (int p = 0; p < 5; p++) {
            tokens.add(Parley.token(tenant, "churn" + p));
        }
        try (SocketClient watcher = Parley.connect(base, tenant, "watcher")) {
            watcher.send("{\"type\":\"join\",\"room\":\"churn\"}");
            watcher.nextOfType("joined");
            int before = registry.size();
            for (int i = 0; i < 120; i++) {
                String peer = "churn" + (i % 5);
                URI uri = Parley.socketUri(base, peer);
                String token = tokens.get(i % 5);
                switch (i % 4) {
                    case 0 -> RawSocket.send(uri, token).reset();
                    case 1 -> dropDuringAdmission(uri, token);
                    case 2 -> dropDuringJoin(uri, token);
                    default -> dropAfterOffer(uri, token);
                }
            }
            Await.until(Duration.ofSeconds(20), "every dropped session to be gone from the node (a socket whose "
                    + "close the transport never reported is ended by upkeep within two rounds)",
                    () -> registry.size() == before);
            String node = bus.nodeId();
            Await.until(Duration.ofSeconds(5), "no connection of the tenant counted but the watcher's",
                    () -> quota.entriesOf(node).stream().filter(e -> e.tenant().equals(tenantId)).count() == 1);
            Await.until(Duration.ofSeconds(5), "no member of the room but the watcher",
                    () -> rooms.membershipsOf(node).stream().filter(m -> m.peer().tenantId().equals(tenantId))
                            .map(m -> m.peer().peerId().value()).toList().equals(List.of("watcher")));
            Await.until(Duration.ofSeconds(5), "no peer of the tenant online but the watcher",
                    () -> directory.claimsOf(node).stream().filter(c -> c.peer().tenantId().equals(tenantId))
                            .map(c -> c.peer().peerId().value()).toList().equals(List.of("watcher")));

            Map<String, Integer> inRoom = new HashMap<>();
            JsonNode news;
            while ((news = watcher.nextOrNull(Duration.ofMillis(300))) != null) {
                int delta = "peer.joined".equals(news.path("type").asText()) ? 1
                        : "peer.left".equals(news.path("type").asText()) ? -1 : 0;
                inRoom.merge(news.path("peer").asText(), delta, Integer::sum);
            }
            assertThat(inRoom.values()).as("every peer.joined the watcher heard was followed by a peer.left")
                    .allMatch(count -> count == 0);

            List<SocketClient> full = new ArrayList<>();
            try {
                for (int p = 0; p < 3; p++) {
                    full.add(Parley.connect(base, tenant, "again" + p));
                }
                assertThat(full).as("the tenant's cap of 4 has room for 3 more besides the watcher").hasSize(3);
            } finally {
                full.forEach(SocketClient::close);
            }
        }
    }

    private static void dropDuringAdmission(URI uri, String token) throws IOException {
        RawSocket socket = RawSocket.open(uri, token);
        socket.reset();
    }

    private static void dropDuringJoin(URI uri, String token) throws IOException {
        RawSocket socket = RawSocket.open(uri, token);
        socket.sendText("{\"type\":\"join\",\"room\":\"churn\"}");
        socket.reset();
    }

    private static void dropAfterOffer(URI uri, String token) throws IOException {
        RawSocket socket = RawSocket.open(uri, token);
        try {
            socket.readText(5_000);
            socket.sendText("{\"type\":\"join\",\"room\":\"churn\"}",
                    "{\"type\":\"offer\",\"to\":\"watcher\",\"sdp\":\"v=0\"}");
            socket.readText(5_000);
        } catch (IOException closedByAnother) {
            // a newer socket of the same peer replaced this one (4409): that is churn too
        }
        socket.reset();
    }
}
