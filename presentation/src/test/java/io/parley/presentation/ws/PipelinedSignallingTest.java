package io.parley.presentation.ws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.parley.presentation.support.Parley;
import io.parley.presentation.support.Parley.TenantAccess;
import io.parley.presentation.support.RawSocket;
import io.parley.presentation.support.SocketClient;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Clients that pipeline: every frame sent without waiting for any reply. What a sender sends to another
 * peer (room news caused by its joins and leaves, and its relays) reaches that peer in the order sent,
 * numbered without gaps, with nothing lost, even with many such clients at once.
 */
@QuarkusTest
class PipelinedSignallingTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/")
    URI base;

    TenantAccess tenant;

    @BeforeEach
    void tenant() {
        tenant = Parley.newTenant();
    }

    @Test
    void candidatesSentRightAfterAJoinAndAnOfferArriveAfterThemInOrder() {
        try (SocketClient bob = Parley.connect(base, tenant, "bob");
                SocketClient alice = Parley.connect(base, tenant, "alice")) {
            bob.send("{\"type\":\"join\",\"room\":\"meet\"}");
            bob.nextOfType("joined");
            for (int round = 0; round < 5; round++) {
                alice.send("{\"type\":\"join\",\"room\":\"meet\"}");
                alice.send("{\"type\":\"offer\",\"to\":\"bob\",\"sdp\":\"v=" + round + "\"}");
                for (int c = 0; c < 5; c++) {
                    alice.send(candidate("bob", "c" + c));
                }
                alice.send("{\"type\":\"leave\",\"room\":\"meet\"}");
                List<String> seen = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    seen.add(describe(bob.next()));
                }
                assertThat(seen).containsExactly("peer.joined alice", "offer v=" + round, "candidate c0",
                        "candidate c1", "candidate c2", "candidate c3", "candidate c4", "peer.left alice");
            }
        }
    }

    @Test
    void manyPipeliningSendersEachReachTheirReceiverInOrderWithNothingLost() throws Exception {
        int pairs = 9;
        int rounds = 4;
        int candidates = 10;
        List<SocketClient> receivers = new ArrayList<>();
        List<SocketClient> senders = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(pairs);
        try {
            for (int p = 0; p < pairs; p++) {
                SocketClient receiver = Parley.connect(base, tenant, "rx" + p);
                receiver.send("{\"type\":\"join\",\"room\":\"room-" + p + "\"}");
                receiver.nextOfType("joined");
                receivers.add(receiver);
                senders.add(Parley.connect(base, tenant, "tx" + p));
            }
            List<Future<?>> sending = new ArrayList<>();
            for (int p = 0; p < pairs; p++) {
                SocketClient sender = senders.get(p);
                String room = "room-" + p;
                String to = "rx" + p;
                sending.add(pool.submit(() -> {
                    for (int r = 0; r < rounds; r++) {
                        sender.send("{\"type\":\"join\",\"room\":\"" + room + "\"}");
                        sender.send("{\"type\":\"offer\",\"to\":\"" + to + "\",\"sdp\":\"v=" + r + "\"}");
                        for (int c = 0; c < candidates; c++) {
                            sender.send(candidate(to, r + "." + c));
                        }
                        sender.send("{\"type\":\"leave\",\"room\":\"" + room + "\"}");
                    }
                    return null;
                }));
            }
            for (Future<?> f : sending) {
                f.get(30, TimeUnit.SECONDS);
            }
            List<Future<List<String>>> receiving = new ArrayList<>();
            for (int p = 0; p < pairs; p++) {
                SocketClient receiver = receivers.get(p);
                int frames = rounds * (candidates + 3);
                receiving.add(pool.submit((Callable<List<String>>) () -> {
                    List<String> seen = new ArrayList<>();
                    long previousSeq = 0;
                    for (int i = 0; i < frames; i++) {
                        JsonNode frame = receiver.next();
                        assertThat(frame.path("seq").asLong()).as("numbered without gaps").isEqualTo(previousSeq + 1);
                        previousSeq = frame.path("seq").asLong();
                        seen.add(describe(frame));
                    }
                    return seen;
                }));
            }
            for (int p = 0; p < pairs; p++) {
                List<String> expected = new ArrayList<>();
                for (int r = 0; r < rounds; r++) {
                    expected.add("peer.joined tx" + p);
                    expected.add("offer v=" + r);
                    for (int c = 0; c < candidates; c++) {
                        expected.add("candidate " + r + "." + c);
                    }
                    expected.add("peer.left tx" + p);
                }
                assertThat(receiving.get(p).get(30, TimeUnit.SECONDS)).as("what rx%d saw", p)
                        .containsExactlyElementsOf(expected);
            }
        } finally {
            pool.shutdownNow();
            receivers.forEach(SocketClient::close);
            senders.forEach(SocketClient::close);
        }
    }

    @Test
    void framesSentTheMomentTheUpgradeIsAnsweredAreHandledInOrderAfterTheWelcome() throws Exception {
        try (SocketClient bob = Parley.connect(base, tenant, "bob")) {
            bob.send("{\"type\":\"join\",\"room\":\"early\"}");
            bob.nextOfType("joined");
            List<String> early = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                early.add("{\"type\":\"ping\",\"id\":\"p" + i + "\"}");
            }
            early.add("{\"type\":\"join\",\"id\":\"j\",\"room\":\"early\"}");
            early.add("{\"type\":\"offer\",\"to\":\"bob\",\"sdp\":\"v=early\"}");
            try (RawSocket alice = RawSocket.open(Parley.socketUri(base, "alice"), Parley.token(tenant, "alice"))) {
                alice.sendText(early.toArray(String[]::new));
                assertThat(JSON.readTree(alice.readText(5_000)).path("type").asText()).isEqualTo("welcome");
                List<String> replies = new ArrayList<>();
                for (int i = 0; i < 11; i++) {
                    JsonNode reply = JSON.readTree(alice.readText(5_000));
                    replies.add(reply.path("type").asText() + " " + reply.path("replyTo").asText());
                }
                assertThat(replies.subList(0, 10)).containsExactly("pong p0", "pong p1", "pong p2", "pong p3",
                        "pong p4", "pong p5", "pong p6", "pong p7", "pong p8", "pong p9");
                assertThat(replies.get(10)).isEqualTo("joined j");
                assertThat(describe(bob.next())).isEqualTo("peer.joined alice");
                assertThat(describe(bob.next())).isEqualTo("offer v=early");
            }
        }
    }

    private static String candidate(String to, String name) {
        return "{\"type\":\"candidate\",\"to\":\"" + to + "\",\"candidate\":{\"candidate\":\"" + name
                + "\",\"sdpMid\":\"0\",\"sdpMLineIndex\":0}}";
    }

    private static String describe(JsonNode frame) {
        String type = frame.path("type").asText();
        return switch (type) {
            case "peer.joined", "peer.left" -> type + " " + frame.path("peer").asText();
            case "offer" -> type + " " + frame.path("sdp").asText();
            case "candidate" -> type + " " + frame.path("candidate").path("candidate").asText();
            default -> frame.toString();
        };
    }
}
