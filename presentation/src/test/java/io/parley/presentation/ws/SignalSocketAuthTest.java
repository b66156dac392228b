package io.parley.presentation.ws;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.presentation.support.Parley;
import io.parley.presentation.support.Parley.TenantAccess;
import io.parley.presentation.support.SocketClient;
import io.parley.presentation.support.SocketClient.HandshakeRefused;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import java.net.URI;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SignalSocketAuthTest {

    @TestHTTPResource("/")
    URI base;

    private int refusal(String peer, Map<String, String> headers) {
        return refusal(Parley.socketUri(base, peer), headers);
    }

    private static int refusal(URI uri, Map<String, String> headers) {
        try {
            SocketClient.connect(uri, headers).close();
        } catch (HandshakeRefused e) {
            return e.status();
        }
        throw new AssertionError("the upgrade was accepted");
    }

    @Test
    void noCredentialsIs401() {
        assertThat(refusal("alice", Map.of())).isEqualTo(401);
    }

    @Test
    void garbageTokenIs401() {
        assertThat(refusal("alice", Map.of("Authorization", "Bearer not-a-jwt"))).isEqualTo(401);
    }

    @Test
    void expiredTokenIs401() throws Exception {
        TenantAccess tenant = Parley.newTenant();
        String token = io.restassured.RestAssured.given().contentType("application/json")
                .header("X-Api-Key", tenant.apiKey())
                .body(Map.of("peerId", "alice", "ttlSeconds", 2))
                .post("/api/v1/tokens").then().statusCode(200).extract().path("token");
        try (SocketClient fresh = SocketClient.connect(Parley.socketUri(base, "alice"),
                Map.of("Authorization", "Bearer " + token))) {
            assertThat(fresh.next().path("type").asText()).isEqualTo("welcome");
        }
        Thread.sleep(3100);
        assertThat(refusal("alice", Map.of("Authorization", "Bearer " + token))).isEqualTo(401);
    }

    @Test
    void tokenSignedByAnotherKeyIs401() throws Exception {
        TenantAccess tenant = Parley.newTenant();
        var generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String forged = Jwt.issuer("parley").audience("parley").subject("alice").claim("tenant", tenant.id())
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(600))
                .jws().algorithm(SignatureAlgorithm.RS256).sign(generator.generateKeyPair().getPrivate());
        assertThat(refusal("alice", Map.of("Authorization", "Bearer " + forged))).isEqualTo(401);
    }

    @Test
    void unsignedTokenIs401() {
        TenantAccess tenant = Parley.newTenant();
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes());
        String claims = b64.encodeToString(("{\"iss\":\"parley\",\"aud\":\"parley\",\"sub\":\"alice\",\"tenant\":\""
                + tenant.id() + "\",\"iat\":" + Instant.now().getEpochSecond() + ",\"exp\":"
                + (Instant.now().getEpochSecond() + 600) + "}").getBytes());
        assertThat(refusal("alice", Map.of("Authorization", "Bearer " + header + "." + claims + "."))).isEqualTo(401);
    }

    @Test
    void tokenOfAnotherPeerIs403() {
        TenantAccess tenant = Parley.newTenant();
        String bobToken = Parley.token(tenant, "bob");
        assertThat(refusal("alice", Map.of("Authorization", "Bearer " + bobToken))).isEqualTo(403);
    }

    @Test
    void tokenInTheQueryStringIsAccepted() {
        TenantAccess tenant = Parley.newTenant();
        URI uri = URI.create(Parley.socketUri(base, "alice") + "?access_token=" + Parley.token(tenant, "alice"));
        try (SocketClient socket = SocketClient.connect(uri, Map.of())) {
            assertThat(socket.next().path("type").asText()).isEqualTo("welcome");
        }
    }

    @Test
    void apiKeyMayConnectAsAnyPeerOfItsTenant() {
        TenantAccess tenant = Parley.newTenant();
        try (SocketClient socket = SocketClient.connect(Parley.socketUri(base, "server-bot"),
                Map.of("X-Api-Key", tenant.apiKey()))) {
            var welcome = socket.next();
            assertThat(welcome.path("tenantId").asText()).isEqualTo(tenant.id());
            assertThat(welcome.path("peerId").asText()).isEqualTo("server-bot");
        }
        assertThat(refusal("server-bot", Map.of("X-Api-Key", "pk_wrong"))).isEqualTo(401);
    }

    @Test
    void invalidPeerIdInThePathIsRefused() {
        TenantAccess tenant = Parley.newTenant();
        assertThat(refusal("bad%20peer", Map.of("X-Api-Key", tenant.apiKey()))).isEqualTo(403);
    }

    @Test
    void refusalsAreAudited() {
        TenantAccess tenant = Parley.newTenant();
        String bobToken = Parley.token(tenant, "bob");
        refusal("mallory", Map.of("Authorization", "Bearer " + bobToken));
        assertThat(Parley.awaitSessionEvent(tenant, "auth_failed", e -> "auth_failed".equals(e.get("type"))))
                .containsEntry("peerId", "mallory")
                .containsEntry("reason", "token is for another peer")
                .containsEntry("occurrences", 1);
    }

    @Test
    void anyBrowserOriginConnectsWhenAllOriginsAreAllowed() {
        TenantAccess tenant = Parley.newTenant();
        try (SocketClient socket = SocketClient.connect(Parley.socketUri(base, "alice"),
                Map.of("Authorization", "Bearer " + Parley.token(tenant, "alice"), "Origin", "https://app.example"))) {
            assertThat(socket.next().path("type").asText()).isEqualTo("welcome");
        }
    }
}
