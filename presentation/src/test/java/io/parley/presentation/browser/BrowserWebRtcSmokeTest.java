package io.parley.presentation.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.parley.presentation.support.BrowserPage;
import io.parley.presentation.support.Chromium;
import io.parley.presentation.support.LoopbackPage;
import io.parley.presentation.support.Parley;
import io.parley.presentation.support.Parley.TenantAccess;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Two real browser tabs, on a web origin of their own (which Parley allows), set up a WebRTC call with
 * the fake camera and microphone, signalling through Parley's socket with raw frames (offer, answer,
 * candidates): media flows both ways.
 */
@QuarkusTest
class BrowserWebRtcSmokeTest {

    private static final Duration CONNECTING = Duration.ofSeconds(30);

    /**
     * A minimal peer: joins a room over Parley's socket; on {@code joined} it offers to every peer already
     * there, on {@code offer} it answers; candidates are relayed both ways. Frames are handled one at a
     * time, in order; a failure goes to the console, which the test's failure messages show.
     */
    private static final String PEER = """
            window.peer = (() => {
              let socket, stream, connection, pending = Promise.resolve();
              const send = frame => socket.send(JSON.stringify(frame));
              const connectTo = remote => {
                connection = new RTCPeerConnection();
                stream.getTracks().forEach(track => connection.addTrack(track, stream));
                connection.onicecandidate = event =>
                  send({type: 'candidate', to: remote, candidate: event.candidate && event.candidate.toJSON()});
                return connection;
              };
              const handle = async frame => {
                switch (frame.type) {
                  case 'joined':
                    for (const remote of frame.peers) {
                      await connectTo(remote).setLocalDescription();
                      send({type: 'offer', to: remote, sdp: connection.localDescription.sdp});
                    }
                    break;
                  case 'offer':
                    await connectTo(frame.from).setRemoteDescription({type: 'offer', sdp: frame.sdp});
                    await connection.setLocalDescription();
                    send({type: 'answer', to: frame.from, sdp: connection.localDescription.sdp});
                    break;
                  case 'answer':
                    await connection.setRemoteDescription({type: 'answer', sdp: frame.sdp});
                    break;
                  case 'candidate':
                    await connection.addIceCandidate(frame.candidate ?? undefined);
                    break;
                  case 'error':
                    throw new Error('Parley refused a frame: ' + JSON.stringify(frame));
                }
              };
              return {
                connection: () => connection,
                join: async (url, room) => {
                  stream = await navigator.mediaDevices.getUserMedia({audio: true, video: true});
                  socket = new WebSocket(url);
                  return new Promise((joined, refused) => {
                    socket.onclose = event => refused(new Error('socket closed with ' + event.code));
                    socket.onmessage = message => {
                      const frame = JSON.parse(message.data);
                      if (frame.type === 'welcome') send({type: 'join', id: 'join', room});
                      if (frame.type === 'joined') joined(frame.peers);
                      pending = pending.then(() => handle(frame))
                        .catch(error => console.error('handling ' + frame.type + ': ' + error.stack));
                    };
                  });
                },
              };
            })()
            """;

    /** Bytes received per media kind now and a second later. */
    private static final String RECEIVED_OVER_A_SECOND = """
            (async () => {
              const received = async () => {
                const bytes = {};
                (await peer.connection().getStats()).forEach(report => {
                  if (report.type === 'inbound-rtp') bytes[report.kind] = report.bytesReceived;
                });
                return bytes;
              };
              const before = await received();
              await new Promise(resolve => setTimeout(resolve, 1000));
              return {before, after: await received()};
            })()
            """;

    @TestHTTPResource("/")
    URI base;

    @Test
    void twoBrowsersConnectAndExchangeMediaThroughParleysSignalling() {
        TenantAccess tenant = Parley.newTenant();
        String room = "smoke-" + UUID.randomUUID();
        try (LoopbackPage site = LoopbackPage.serve("<!doctype html><title>WebRTC smoke</title>");
                Chromium chromium = Chromium.launch();
                BrowserPage alice = chromium.openPage(site.url());
                BrowserPage bob = chromium.openPage(site.url())) {

            assertThat(join(alice, tenant, "alice", room)).isEmpty();
            assertThat(join(bob, tenant, "bob", room)).containsExactly(new TextNode("alice"));

            for (BrowserPage page : new BrowserPage[] {alice, bob}) {
                page.awaitTrue("peer.connection()?.connectionState === 'connected'", CONNECTING);
            }
            for (BrowserPage page : new BrowserPage[] {alice, bob}) {
                JsonNode bytes = page.evaluate(RECEIVED_OVER_A_SECOND);
                for (String kind : new String[] {"audio", "video"}) {
                    assertThat(bytes.path("after").path(kind).asLong())
                            .as("%s bytes received over a second, in %s", kind, bytes)
                            .isGreaterThan(bytes.path("before").path(kind).asLong());
                }
            }
        }
    }

    /** Opens the peer's socket with a token in the query, as browsers must, joins the room; the peers already in it. */
    private JsonNode join(BrowserPage page, TenantAccess tenant, String peerId, String room) {
        String url = Parley.socketUri(base, peerId) + "?access_token=" + Parley.token(tenant, peerId);
        page.evaluate(PEER);
        return page.evaluate("peer.join(" + new TextNode(url) + ", " + new TextNode(room) + ")");
    }
}
