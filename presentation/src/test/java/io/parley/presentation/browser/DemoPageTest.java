package io.parley.presentation.browser;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.parley.presentation.support.BrowserPage;
import io.parley.presentation.support.Chromium;
import io.parley.presentation.support.Parley;
import io.parley.presentation.support.Parley.TenantAccess;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The demo page at {@code /} in headless Chromium: connecting, chatting, a call between two tabs, a refused key. */
@QuarkusTest
class DemoPageTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String PRICE_REPLY = "Plans start at 10 EUR a month.";

    /**
     * Records the URL of every WebSocket the page opens (the client takes {@code WebSocket} when it is
     * constructed, that is on Connect, so this must run before).
     */
    private static final String RECORD_SOCKETS = """
            (() => {
              window.socketUrls = [];
              const Original = window.WebSocket;
              window.WebSocket = class extends Original {
                constructor(url, protocols) {
                  super(url, protocols);
                  window.socketUrls.push(String(url));
                }
              };
              return true;
            })()
            """;

    /** Bytes received per media kind by the tab's call now and a second later. */
    private static final String RECEIVED_OVER_A_SECOND = """
            (async () => {
              const received = async () => {
                const bytes = {};
                (await window.parley.call.pc.getStats()).forEach(report => {
                  if (report.type === 'inbound-rtp') bytes[report.kind] = report.bytesReceived;
                });
                return bytes;
              };
              const before = await received();
              await new Promise(resolve => setTimeout(resolve, 1000));
              return {before, after: await received()};
            })()
            """;

    /** The remote video element shows a live stream that is playing and moving. */
    private static final String REMOTE_VIDEO_PLAYS = """
            (() => {
              const video = document.getElementById('remote-video');
              const stream = video.srcObject;
              return !!stream && stream.getTracks().some(t => t.kind === 'video' && t.readyState === 'live')
                && !video.paused && video.readyState >= 2 && video.videoWidth > 0 && video.currentTime > 0.5;
            })()
            """;

    @TestHTTPResource("/")
    URI base;

    @Test
    void aTabConnectsWithAnApiKeyAndChatsWithTheAgentWhileOnlyTheTokenTravelsInUrls() {
        TenantAccess tenant = Parley.newTenant();
        scriptedAgent(tenant);
        String peerId = "demo-" + UUID.randomUUID().toString().substring(0, 8);
        try (Chromium chromium = Chromium.launch(); BrowserPage page = chromium.openPage(base.toString())) {
            connect(page, tenant.apiKey(), peerId);

            page.evaluate("""
                    document.getElementById('chat-input').value = 'What is the price?';
                    document.getElementById('chat-send').click();
                    true""");
            page.awaitTrue("[...document.querySelectorAll('#chat-log li[data-role=\"agent\"]')]"
                    + ".some(li => li.dataset.done === 'true')", WAIT);

            JsonNode log = page.evaluate("""
                    [...document.querySelectorAll('#chat-log li')]
                      .map(li => ({role: li.dataset.role, done: li.dataset.done ?? null, text: li.textContent}))""");
            assertThat(log).as("the chat log").hasSize(2);
            assertThat(log.get(0).path("role").asText()).isEqualTo("user");
            assertThat(log.get(0).path("text").asText()).isEqualTo("What is the price?");
            assertThat(log.get(1).path("role").asText()).isEqualTo("agent");
            assertThat(log.get(1).path("done").asText()).isEqualTo("true");
            assertThat(log.get(1).path("text").asText()).isEqualTo(PRICE_REPLY);
            assertThat(texts(page, "#errors li")).as("errors shown").isEmpty();

            List<String> urls = new ArrayList<>();
            page.evaluate("[location.href, ...performance.getEntriesByType('navigation').map(e => e.name),"
                    + " ...performance.getEntriesByType('resource').map(e => e.name)]")
                    .forEach(url -> urls.add(url.asText()));
            List<String> sockets = new ArrayList<>();
            page.evaluate("window.socketUrls").forEach(url -> sockets.add(url.asText()));
            assertThat(urls).as("what the page loaded and fetched")
                    .anyMatch(url -> url.endsWith("/api/v1/tokens"))
                    .anyMatch(url -> url.endsWith("/js/parley-client.js"));
            assertThat(sockets).as("sockets opened").singleElement().satisfies(socket -> assertThat(socket)
                    .startsWith(Parley.socketUri(base, peerId) + "?access_token=")
                    .matches(".*\\?access_token=[A-Za-z0-9_\\-]+\\.[A-Za-z0-9_\\-]+\\.[A-Za-z0-9_\\-]+$"));
            List<String> requested = new ArrayList<>(urls);
            requested.addAll(sockets);
            assertThat(requested).as("no URL carries the API key").noneMatch(url -> url.contains(tenant.apiKey()));
        }
    }

    @Test
    void twoTabsJoinARoomAndOneCallsTheOtherWithMediaFlowing() {
        TenantAccess tenant = Parley.newTenant();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String room = "room-" + suffix;
        String alice = "alice-" + suffix;
        String bob = "bob-" + suffix;
        try (Chromium chromium = Chromium.launch();
                BrowserPage alicePage = chromium.openPage(base.toString());
                BrowserPage bobPage = chromium.openPage(base.toString())) {
            connect(alicePage, tenant.apiKey(), alice);
            connect(bobPage, tenant.apiKey(), bob);

            join(alicePage, room);
            alicePage.awaitTrue("[...document.querySelectorAll('#events li')].some(li => li.textContent.includes("
                    + new TextNode("In room " + room) + "))", WAIT);
            join(bobPage, room);
            bobPage.awaitTrue(peerListed(alice), WAIT);
            alicePage.awaitTrue(peerListed(bob), WAIT);
            assertThat(bobPage.evaluate("document.getElementById('call-peer').value").asText())
                    .as("the peer already in the room is offered for a call").isEqualTo(alice);

            bobPage.evaluate("document.getElementById('call').click(); true");

            for (BrowserPage page : new BrowserPage[] {alicePage, bobPage}) {
                page.awaitTrue("window.parley.call?.pc?.connectionState === 'connected'", WAIT);
            }
            assertThat(alicePage.evaluate("window.parley.call.peer").asText()).isEqualTo(bob);
            assertThat(bobPage.evaluate("window.parley.call.peer").asText()).isEqualTo(alice);
            for (BrowserPage page : new BrowserPage[] {alicePage, bobPage}) {
                JsonNode bytes = page.evaluate(RECEIVED_OVER_A_SECOND);
                for (String kind : new String[] {"audio", "video"}) {
                    assertThat(bytes.path("after").path(kind).asLong())
                            .as("%s bytes received over a second, in %s", kind, bytes)
                            .isGreaterThan(bytes.path("before").path(kind).asLong());
                }
                page.awaitTrue(REMOTE_VIDEO_PLAYS, WAIT);
                assertThat(texts(page, "#errors li")).as("errors shown").isEmpty();
            }
            assertThat(alicePage.evaluate("document.getElementById('call-state').textContent").asText())
                    .isEqualTo(bob + ": connected");
        }
    }

    @Test
    void aWrongApiKeyIsReportedInPlainWordsAndNoSocketIsOpened() {
        try (Chromium chromium = Chromium.launch(); BrowserPage page = chromium.openPage(base.toString())) {
            page.evaluate(RECORD_SOCKETS);
            fill(page, "pk_not-a-real-key-" + UUID.randomUUID(), "mallory");
            page.evaluate("document.getElementById('connect').click(); true");

            page.awaitTrue("document.querySelectorAll('#errors li').length > 0", WAIT);
            JsonNode error = page.evaluate("""
                    (() => { const li = document.querySelector('#errors li');
                             return {code: li.dataset.code ?? null, text: li.textContent}; })()""");
            assertThat(error.path("text").asText()).endsWith("The API key was refused: check it.");
            assertThat(error.path("code").isTextual()).as("a data-code on %s", error).isTrue();
            page.awaitTrue("!document.getElementById('connect').disabled", WAIT);
            assertThat(page.evaluate("document.getElementById('state').dataset.state").asText()).isEqualTo("closed");
            assertThat(page.evaluate("window.socketUrls")).as("sockets opened").isEmpty();
            assertThat(page.uncaughtExceptions()).isEmpty();
        }
    }

    private static void connect(BrowserPage page, String apiKey, String peerId) {
        page.evaluate(RECORD_SOCKETS);
        fill(page, apiKey, peerId);
        page.evaluate("document.getElementById('connect').click(); true");
        page.awaitTrue("document.getElementById('state').dataset.state === 'open'", WAIT);
        assertThat(page.evaluate("document.getElementById('state').textContent").asText())
                .isEqualTo("Connected as " + peerId);
    }

    private static void fill(BrowserPage page, String apiKey, String peerId) {
        page.evaluate("document.getElementById('api-key').value = " + new TextNode(apiKey)
                + "; document.getElementById('peer-id').value = " + new TextNode(peerId) + "; true");
    }

    private static void join(BrowserPage page, String room) {
        page.evaluate("document.getElementById('room').value = " + new TextNode(room)
                + "; document.getElementById('join').click(); true");
    }

    private static String peerListed(String peer) {
        return "!!document.querySelector('#room-peers li[data-peer=\"' + CSS.escape(" + new TextNode(peer)
                + ") + '\"]')";
    }

    private static List<String> texts(BrowserPage page, String selector) {
        List<String> texts = new ArrayList<>();
        page.evaluate("[...document.querySelectorAll(" + new TextNode(selector) + ")].map(e => e.textContent)")
                .forEach(text -> texts.add(text.asText()));
        return texts;
    }

    private static void scriptedAgent(TenantAccess tenant) {
        given().contentType("application/json").header("X-Api-Key", tenant.apiKey())
                .body(Map.of("name", "Sales bot", "kind", "scripted", "greeting", "Hi!", "fallback",
                        "Let me get a colleague.",
                        "rules", List.of(Map.of("keywords", List.of("price"), "reply", PRICE_REPLY))))
                .put("/api/v1/agents/default").then().statusCode(200);
    }
}
