package io.parley.presentation.browser;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.parley.presentation.support.Await;
import io.parley.presentation.support.AudioEncoding;
import io.parley.presentation.support.AudioFixture;
import io.parley.presentation.support.BrowserPage;
import io.parley.presentation.support.Chromium;
import io.parley.presentation.support.FakeDeepgramServer;
import io.parley.presentation.support.ListenRecording;
import io.parley.presentation.support.Parley;
import io.parley.presentation.support.Parley.TenantAccess;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo page's voice session in Chromium, the fake microphone playing real speech, against a fake Deepgram. */
@QuarkusTest
@QuarkusTestResource(value = FakeDeepgramServer.class, restrictToAnnotatedClass = true)
class BrowserVoiceTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String PRICE = "What is the price?";
    private static final String PRICE_REPLY = "Ten euros a month.";
    private static final String STORY = "Tell me a story.";
    /** Eight sentences of 40 characters: 19 s of the fake's speech, which the user cuts short. */
    private static final String STORY_REPLY = String.join(" ", Collections.nCopies(8,
            "Once upon a time a robot learned to sing."));
    private static final String STOP = "Stop, stop.";
    private static final String FALLBACK = "Sorry?";
    /** linear16 at 16 kHz. */
    private static final int BYTES_PER_MS = 32;
    /** The fake Deepgram's speech detector: a 10 ms window with an RMS above this is speech. */
    private static final double SPEECH_RMS = 150;

    /**
     * Before the page asks for the microphone: every stream it gets starts muted ({@code track.enabled = false}
     * sends digital silence), so that the test decides when the user speaks; {@code window.mic(on)} switches it.
     */
    private static final String MUTED_MICROPHONE = """
            (() => {
              const devices = navigator.mediaDevices;
              const original = devices.getUserMedia.bind(devices);
              window.micStreams = [];
              devices.getUserMedia = async constraints => {
                const stream = await original(constraints);
                stream.getAudioTracks().forEach(track => { track.enabled = false; });
                window.micStreams.push(stream);
                return stream;
              };
              window.mic = on => {
                window.micStreams.forEach(s => s.getAudioTracks().forEach(track => { track.enabled = on; }));
                window.rec.micOn = on;
                return true;
              };
              return true;
            })()
            """;

    /**
     * Once connected: records what the client receives and sends (frames, the agent's audio per turn, the
     * microphone's frames and their loudness while the microphone is on).
     */
    private static final String RECORDER = """
            (() => {
              const client = window.parley.client;
              const rec = window.rec = {
                micOn: false, events: [], transcripts: [], turns: {}, current: null, sent: [], speaking: [],
                frames: 0, bytes: 0, frameSizes: {}, firstAt: null, lastAt: null, loudFrames: 0, maxRms: 0,
                conversationId: null,
              };
              const log = text => rec.events.push(text);
              client.on('voice.started', f => { rec.conversationId = f.conversationId; log('voice.started'); });
              client.on('transcript', f => rec.transcripts.push({text: f.text, final: f.final}));
              client.on('response', f => log('response:' + f.text + (f.interrupted ? ' (interrupted)' : '')));
              client.on('audio.start', f => {
                rec.current = f.turnId;
                rec.turns[f.turnId] = {bytes: 0, frames: 0, ended: false, cleared: false, afterClear: 0};
                log('audio.start:' + f.turnId);
              });
              client.on('audio', data => {
                const turn = rec.turns[rec.current];
                if (!turn) { log('audio outside a turn'); return; }
                if (turn.frames === 0) log('audio:' + rec.current);
                if (turn.cleared) turn.afterClear++;
                turn.frames++;
                turn.bytes += data.byteLength;
              });
              client.on('audio.end', f => { rec.turns[f.turnId].ended = true; log('audio.end:' + f.turnId); });
              client.on('audio.clear', f => { rec.turns[f.turnId].cleared = true; log('audio.clear:' + f.turnId); });
              const send = client.send.bind(client);
              client.send = frame => {
                rec.sent.push(frame);
                return send(frame);
              };
              const sendBinary = client.sendBinary.bind(client);
              client.sendBinary = data => {
                const now = performance.now();
                rec.firstAt ??= now;
                rec.lastAt = now;
                rec.frames++;
                rec.bytes += data.byteLength;
                rec.frameSizes[data.byteLength] = (rec.frameSizes[data.byteLength] ?? 0) + 1;
                if (rec.micOn) {
                  const samples = new Int16Array(data.slice(0, data.byteLength - data.byteLength % 2));
                  let squares = 0;
                  for (const s of samples) squares += s * s;
                  const rms = Math.sqrt(squares / Math.max(1, samples.length));
                  rec.maxRms = Math.max(rec.maxRms, rms);
                  if (rms > SPEECH_RMS) rec.loudFrames++;
                }
                return sendBinary(data);
              };
              return true;
            })()
            """.replace("SPEECH_RMS", Double.toString(SPEECH_RMS));

    @TestHTTPResource("/")
    URI base;

    TenantAccess tenant;

    @BeforeEach
    void scriptedAgent() {
        FakeDeepgramServer.reset();
        tenant = Parley.newTenant();
        given().contentType("application/json").header("X-Api-Key", tenant.apiKey())
                .body(Map.of("name", "Ada", "kind", "scripted", "greeting", "", "fallback", FALLBACK,
                        "rules", List.of(Map.of("keywords", List.of("price"), "reply", PRICE_REPLY),
                                Map.of("keywords", List.of("story"), "reply", STORY_REPLY))))
                .put("/api/v1/agents/default").then().statusCode(200);
    }

    @Test
    void theBrowserTalksToTheAgentHearsItsAnswerAndCutsTheNextOneShort(@TempDir Path dir) throws IOException {
        FakeDeepgramServer.nextUtterances(PRICE, STORY, STOP);
        String peerId = "voice-" + UUID.randomUUID().toString().substring(0, 8);
        try (Chromium chromium = Chromium.launchWithFakeAudio(speechWav(dir));
                BrowserPage page = chromium.openPage(base.toString())) {
            page.evaluate(MUTED_MICROPHONE);
            page.evaluate("document.getElementById('api-key').value = " + new TextNode(tenant.apiKey())
                    + "; document.getElementById('peer-id').value = " + new TextNode(peerId)
                    + "; document.getElementById('connect').click(); true");
            page.awaitTrue("document.getElementById('state').dataset.state === 'open'", WAIT);
            page.evaluate(RECORDER);
            page.evaluate("""
                    document.getElementById('voice-start').click();
                    window.parley.voice.on('speaking', on => window.rec.speaking.push(on));
                    true""");
            page.awaitTrue("document.getElementById('voice-state').dataset.state === 'active'", WAIT);
            assertThat(page.evaluate("window.micStreams.length").asInt()).as("microphones opened").isEqualTo(1);

            // The user asks; the fake Deepgram's transcript of the speech shows; the answer is spoken and played.
            speak(page);
            page.awaitTrue("window.rec.transcripts.some(t => t.final && t.text === " + new TextNode(PRICE) + ")", WAIT);
            page.awaitTrue("window.rec.turns.t1?.ended === true", WAIT);
            assertThat(page.evaluate("document.getElementById('voice-transcript').textContent").asText())
                    .isEqualTo(PRICE);
            page.awaitTrue("window.rec.speaking.length >= 2 && window.rec.speaking.at(-1) === false", WAIT);
            JsonNode rec = page.evaluate("window.rec");
            assertThat(rec.path("transcripts").get(0).path("final").asBoolean()).as("an interim first: %s",
                    rec.path("transcripts")).isFalse();
            assertThat(texts(rec.path("events"))).as("what the page received")
                    .containsSubsequence("voice.started", "response:" + PRICE_REPLY, "audio.start:t1", "audio:t1",
                            "audio.end:t1")
                    .doesNotContain("audio.clear:t1");
            assertThat(rec.path("turns").path("t1").path("bytes").asLong()).as("the answer's audio")
                    .isEqualTo(audioOf(PRICE_REPLY));
            assertThat(texts(rec.path("speaking"))).as("the session's speaking events").startsWith("true", "false");
            assertThat(chatLog(page)).contains("user: " + PRICE, "agent: " + PRICE_REPLY);

            // The user asks for a story, and speaks over it once it plays: the page stops and says what it played.
            speak(page);
            page.awaitTrue("(window.rec.turns.t2?.bytes ?? 0) >= " + 1500 * BYTES_PER_MS
                    + " && window.rec.speaking.at(-1) === true", WAIT);
            page.evaluate("window.mic(true)");
            page.awaitTrue("window.rec.turns.t2.cleared", WAIT);
            page.awaitTrue("window.rec.speaking.at(-1) === false", WAIT);
            page.awaitTrue("window.rec.sent.some(f => f.type === 'audio.played' && f.turnId === 't2')", WAIT);
            page.awaitTrue("window.rec.transcripts.slice(-1).some(t => t.text && !t.final)", WAIT);
            page.evaluate("window.mic(false)");
            page.awaitTrue("window.rec.transcripts.some(t => t.final && t.text === " + new TextNode(STOP) + ")", WAIT);
            rec = page.evaluate("window.rec");
            JsonNode played = Arrays.stream(array(rec.path("sent")))
                    .filter(frame -> frame.path("type").asText().equals("audio.played")).findFirst().orElseThrow();
            long playedMs = played.path("ms").asLong();
            assertThat(played.path("turnId").asText()).isEqualTo("t2");
            assertThat(playedMs).as("what the page played of the story before the user spoke over it")
                    .isBetween(500L, (long) (rec.path("turns").path("t2").path("bytes").asLong() / BYTES_PER_MS));
            assertThat(rec.path("turns").path("t2").path("ended").asBoolean()).as("the story's audio.end").isFalse();
            assertThat(rec.path("turns").path("t2").path("bytes").asLong()).as("the story was cut short")
                    .isLessThan(audioOf(STORY_REPLY));
            assertThat(texts(rec.path("events"))).containsSubsequence("audio.start:t2", "audio:t2", "audio.clear:t2");

            page.evaluate("document.getElementById('voice-stop').click(); true");
            page.awaitTrue("document.getElementById('voice-state').dataset.state === 'stopped'", WAIT);
            assertThat(page.evaluate("[...document.querySelectorAll('#errors li')].map(li => li.textContent)"))
                    .as("errors shown").isEmpty();

            // What the browser sent: 20 ms frames of 16 kHz linear16, at the pace of time, loud while the user spoke.
            rec = page.evaluate("window.rec");
            assertThat(rec.path("frameSizes").fieldNames()).toIterable().as("frame sizes").containsExactly("640");
            double bytesPerMs = rec.path("bytes").asDouble()
                    / (rec.path("lastAt").asDouble() - rec.path("firstAt").asDouble());
            assertThat(bytesPerMs).as("bytes a millisecond over %s frames", rec.path("frames")).isBetween(24.0, 40.0);
            assertThat(rec.path("loudFrames").asInt()).as("frames above %s RMS while the microphone was on", SPEECH_RMS)
                    .isGreaterThanOrEqualTo(15);
            assertThat(rec.path("maxRms").asDouble()).isGreaterThan(1000.0);

            // What the fake Deepgram got: that audio, as linear16 at 16 kHz, and speech in it.
            ListenRecording listen = FakeDeepgramServer.listenSessions().get(0);
            assertThat(listen.param("encoding")).isEqualTo("linear16");
            assertThat(listen.param("sample_rate")).isEqualTo("16000");
            long browserBytes = rec.path("bytes").asLong();
            assertThat(listen.audioBytes()).as("bytes heard by Deepgram, of %s sent by the browser", browserBytes)
                    .isBetween(browserBytes - 1000L * BYTES_PER_MS, browserBytes);
            assertThat(listen.sent()).as("what Deepgram said")
                    .filteredOn(json -> json.contains("\"SpeechStarted\"")).hasSizeGreaterThanOrEqualTo(3);

            String conversationId = rec.path("conversationId").asText();
            JsonPath turns = Await.until("the spoken turns stored", () -> conversation(conversationId),
                    c -> c.getList("turns").size() >= 5);
            assertThat(turns.<String>getList("turns.role").subList(0, 5))
                    .containsExactly("user", "assistant", "user", "assistant", "user");
            assertThat(turns.<String>getList("turns.text").subList(0, 3)).containsExactly(PRICE, PRICE_REPLY, STORY);
            assertThat(turns.getBoolean("turns[1].interrupted")).isFalse();
            assertThat(turns.getBoolean("turns[3].interrupted")).as("the story's turn").isTrue();
            String heard = turns.getString("turns[3].text");
            assertThat(STORY_REPLY).as("the story stored as heard").startsWith(heard);
            assertThat(heard.length()).as("%d ms played at the fake's 60 ms a character", playedMs)
                    .isBetween((int) (playedMs / 60) - 10, (int) (playedMs / 60) + 10);
            assertThat(turns.getString("turns[4].text")).isEqualTo(STOP);
            assertThat(page.uncaughtExceptions()).isEmpty();
        }
    }

    /** The user speaks until the fake Deepgram shows it heard words (an interim transcript), then falls silent. */
    private static void speak(BrowserPage page) {
        int before = page.evaluate("window.rec.transcripts.length").asInt();
        page.evaluate("window.mic(true)");
        page.awaitTrue("window.rec.transcripts.slice(" + before + ").some(t => t.text && !t.final)", WAIT);
        page.evaluate("window.mic(false)");
    }

    /**
     * A 16-bit PCM WAV for Chromium's fake microphone: the speech of the "price" fixture without its
     * silences, eight times over, so that whenever the test unmutes the microphone, the user is speaking.
     */
    private static Path speechWav(Path dir) throws IOException {
        byte[] fixture = AudioFixture.load(AudioFixture.PRICE, AudioEncoding.LINEAR16, 16000).bytes();
        byte[] speech = Arrays.copyOfRange(fixture, 300 * BYTES_PER_MS, 1280 * BYTES_PER_MS);
        byte[] repeated = new byte[speech.length * 8];
        for (int i = 0; i < 8; i++) {
            System.arraycopy(speech, 0, repeated, i * speech.length, speech.length);
        }
        AudioFormat format = new AudioFormat(16000, 16, 1, true, false);
        Path wav = dir.resolve("speech.wav");
        try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(repeated), format,
                repeated.length / 2)) {
            AudioSystem.write(in, AudioFileFormat.Type.WAVE, wav.toFile());
        }
        return wav;
    }

    /** How many bytes of linear16 16 kHz the fake Deepgram makes of this text (60 ms a character). */
    private static long audioOf(String text) {
        long chars = 0;
        for (String sentence : text.split("(?<=[.!?]) ")) {
            chars += sentence.length();
        }
        return chars * 60 * BYTES_PER_MS;
    }

    private static List<String> chatLog(BrowserPage page) {
        return texts(page.evaluate(
                "[...document.querySelectorAll('#chat-log li')].map(li => li.dataset.role + ': ' + li.textContent)"));
    }

    private static List<String> texts(JsonNode array) {
        return Arrays.stream(array(array)).map(JsonNode::asText).toList();
    }

    private static JsonNode[] array(JsonNode array) {
        JsonNode[] items = new JsonNode[array.size()];
        for (int i = 0; i < items.length; i++) {
            items[i] = array.get(i);
        }
        return items;
    }

    private JsonPath conversation(String id) {
        return given().header("X-Api-Key", tenant.apiKey()).get("/api/v1/conversations/" + id).then().statusCode(200)
                .extract().jsonPath();
    }
}
