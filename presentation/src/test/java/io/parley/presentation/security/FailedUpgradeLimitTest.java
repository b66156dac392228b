package io.parley.presentation.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.presentation.support.Parley;
import io.parley.presentation.support.Parley.TenantAccess;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Upgrades from one client address refused for bad credentials past the limit: that address gets 429 with
 * Retry-After, even with good credentials, while another address is served as before. Clients connect from
 * distinct loopback addresses (127.0.0.x) with raw HTTP upgrade requests.
 */
@QuarkusTest
@TestProfile(FailedUpgradesProfile.class)
class FailedUpgradeLimitTest {

    @TestHTTPResource("/")
    URI base;

    TenantAccess tenant;

    @BeforeEach
    void tenant() {
        tenant = Parley.newTenant();
    }

    @Test
    void anAddressThatKeepsFailingIsToldToWaitAndOthersAreServed() throws IOException {
        String flooder = "127.0.0.2";
        for (int i = 0; i < FailedUpgradesProfile.LIMIT; i++) {
            assertThat(upgrade(flooder, "/ws/v1/signal/alice", "Bearer not-a-token").status()).isEqualTo(401);
        }

        Answer refused = upgrade(flooder, "/ws/v1/signal/alice", "Bearer " + Parley.token(tenant, "alice"));
        assertThat(refused.status()).as("good credentials from the flooding address").isEqualTo(429);
        assertThat(Integer.parseInt(refused.headers().get("retry-after"))).isBetween(1, 60);
        assertThat(upgrade(flooder, "/telephony/exotel/media", "Basic " + java.util.Base64.getEncoder()
                .encodeToString("key:token".getBytes(StandardCharsets.UTF_8))).status())
                .as("the Exotel stream counts the same address").isEqualTo(429);

        assertThat(upgrade("127.0.0.3", "/ws/v1/signal/bob", "Bearer " + Parley.token(tenant, "bob")).status())
                .as("another address").isEqualTo(101);
    }

    @Test
    void failuresBelowTheLimitRefuseNothing() throws IOException {
        String client = "127.0.0.4";
        for (int i = 0; i < FailedUpgradesProfile.LIMIT - 1; i++) {
            assertThat(upgrade(client, "/ws/v1/signal/carol", "Bearer expired").status()).isEqualTo(401);
        }
        assertThat(upgrade(client, "/ws/v1/signal/carol", "Bearer " + Parley.token(tenant, "carol")).status())
                .isEqualTo(101);
    }

    /** The status line and headers of the answer to a WebSocket upgrade sent from {@code source}. */
    private Answer upgrade(String source, String path, String authorization) throws IOException {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(source, 0));
            socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5000);
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                    + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
                    + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nAuthorization: " + authorization + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII));
            String status = in.readLine();
            Map<String, String> headers = new LinkedHashMap<>();
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                int colon = line.indexOf(':');
                headers.put(line.substring(0, colon).trim().toLowerCase(java.util.Locale.ROOT),
                        line.substring(colon + 1).trim());
            }
            return new Answer(Integer.parseInt(status.split(" ")[1]), headers);
        }
    }

    private record Answer(int status, Map<String, String> headers) {
    }
}
