package io.parley.presentation.support.twilio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.twilio.security.RequestValidator;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.parley.presentation.support.AudioEncoding;
import io.parley.presentation.support.AudioFixture;
import io.parley.presentation.support.Await;
import io.parley.presentation.support.WireClient.Close;
import io.parley.presentation.support.twilio.MediaStream.EchoedMark;
import io.parley.presentation.support.twilio.MediaStream.ServerMessage;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.ServerWebSocket;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Twilio simulator signs as Twilio's SDK validates and streams, plays and echoes as Twilio does. */
class TwilioCallSimulatorTest {

    private static final String PUBLIC = "https://voice.example.test";
    private static final String TOKEN = "test-twilio-auth-token";
    private static final String ACCOUNT = TwilioCallSimulator.newSid("AC");
    private static final String PARLEY_NUMBER = "+15550001111";
    private static final String CALLER = "+15557654321";
    private static final String CALL_TOKEN = "call-token-1";
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final long MILLIS = 1_000_000;
    private static final byte[] SPEECH = AudioFixture.load(AudioFixture.PRICE, AudioEncoding.MULAW, 8000).bytes();
    private static final StandIn PARLEY = new StandIn();

    @BeforeAll
    static void start() {
        PARLEY.start();
    }

    @AfterAll
    static void stop() {
        PARLEY.stop();
    }

    @BeforeEach
    void reset() {
        PARLEY.reset();
    }

    @Test
    void signaturesMatchTwiliosDocumentedExampleAndTheSdksValidator() {
        String url = "https://mycompany.com/myapp.php?foo=1&bar=2";
        Map<String, String> params = Map.of("CallSid", "CA1234567890ABCDE", "Caller", "+12349013030",
                "Digits", "1234", "From", "+12349013030", "To", "+18005551212");
        TwilioSignatures signatures = new TwilioSignatures("12345");

        String signature = signatures.sign(url, params);

        assertThat(signature).isEqualTo("0/KCTR6DLpKmkAf8muzZqo1nDgQ=");
        assertThat(new RequestValidator("12345").validate(url, params, signature)).isTrue();
        Map<String, String> altered = new TreeMap<>(params);
        altered.put("Digits", "1235");
        assertThat(signatures.accepts(url, altered, signature)).isFalse();
        String upgrade = signatures.signUpgrade("wss://mycompany.com/media");
        assertThat(new RequestValidator("12345").validate("wss://mycompany.com/media", Map.of(), upgrade)).isTrue();
        assertThat(signatures.accepts("wss://mycompany.com/other", Map.of(), upgrade)).isFalse();
    }

    @Test
    void theVoiceWebhookCarriesTwiliosParametersAndItsTwimlIsParsed() {
        TwilioCallSimulator call = dial(PARLEY_NUMBER);

        WebhookResponse response = call.incomingCall();

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("text/xml");
        Webhook webhook = PARLEY.webhooks.get(0);
        assertThat(webhook.path()).isEqualTo(TwilioCallSimulator.VOICE_PATH);
        assertThat(webhook.params()).containsEntry("AccountSid", ACCOUNT).containsEntry("ApiVersion", "2010-04-01")
                .containsEntry("CallSid", call.callSid()).containsEntry("CallStatus", "ringing")
                .containsEntry("Direction", "inbound").containsEntry("From", CALLER).containsEntry("Caller", CALLER)
                .containsEntry("To", PARLEY_NUMBER).containsEntry("Called", PARLEY_NUMBER)
                .containsEntry("FromCountry", "US");
        assertThat(call.callSid()).matches("CA[0-9a-f]{32}");
        Twiml twiml = call.twiml();
        assertThat(twiml.verbs()).containsExactly("Connect", "Hangup");
        Twiml.Stream stream = twiml.stream().orElseThrow();
        assertThat(stream.url()).isEqualTo("wss://voice.example.test/telephony/twilio/media");
        assertThat(stream.statusCallback()).hasValue(PUBLIC + TwilioCallSimulator.STREAM_STATUS_PATH);
        assertThat(stream.parameters()).containsExactly(Map.entry("callToken", CALL_TOKEN));

        TwilioCallSimulator wrongNumber = dial("+15559999999");
        assertThat(wrongNumber.incomingCall().status()).isEqualTo(200);
        assertThat(wrongNumber.twiml().verbs()).containsExactly("Say", "Hangup");
        assertThat(wrongNumber.twiml().say()).hasValue("This number is not in service.");
        assertThat(wrongNumber.twiml().stream()).isEmpty();
    }

    @Test
    void tamperedWebhooksFailValidationAndReplaysRepeatTheRequestExactly() {
        TwilioCallSimulator call = dial(PARLEY_NUMBER);
        assertThat(call.tamper(Tamper.wrongToken()).incomingCall().status()).isEqualTo(403);
        assertThat(call.tamper(Tamper.noSignature()).incomingCall().status()).isEqualTo(403);
        assertThat(call.tamper(Tamper.alter("To", "+15550002222")).incomingCall().status()).isEqualTo(403);
        assertThat(PARLEY.webhooks.get(2).params()).containsEntry("To", "+15550002222");
        assertThatThrownBy(() -> call.tamper(Tamper.alter("Digits", "1")).incomingCall())
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(call.tamper(Tamper.none()).incomingCall().status()).isEqualTo(200);
        PARLEY.webhooks.clear();

        assertThat(call.postStatus("completed", Map.of("SipResponseCode", "200")).status()).isEqualTo(204);
        assertThat(call.replay().status()).isEqualTo(204);
        assertThat(call.postStreamStatus("stream-stopped").status()).isEqualTo(204);

        Webhook status = PARLEY.webhooks.get(0);
        assertThat(status.path()).isEqualTo(TwilioCallSimulator.STATUS_PATH);
        assertThat(status.params()).containsEntry("CallStatus", "completed").containsEntry("CallDuration", "0")
                .containsEntry("SequenceNumber", "0").containsEntry("CallbackSource", "call-progress-events")
                .containsEntry("SipResponseCode", "200");
        assertThat(status.params().get("Timestamp")).matches("\\w{3}, \\d{2} \\w{3} \\d{4} \\d{2}:\\d{2}:\\d{2} \\+0000");
        assertThat(PARLEY.webhooks.get(1)).isEqualTo(status);
        Webhook streamStatus = PARLEY.webhooks.get(2);
        assertThat(streamStatus.path()).isEqualTo(TwilioCallSimulator.STREAM_STATUS_PATH);
        assertThat(streamStatus.params()).containsOnlyKeys("AccountSid", "CallSid", "StreamSid", "StreamName",
                "StreamEvent", "Timestamp").containsEntry("StreamSid", call.streamSid())
                .containsEntry("StreamName", call.streamSid()).containsEntry("StreamEvent", "stream-stopped");
    }

    @Test
    void theUpgradeIsSignedOverThePublicWssUrlAndRefusedWhenTampered() {
        TwilioCallSimulator call = dial(PARLEY_NUMBER);
        call.incomingCall();

        for (Tamper tamper : List.of(Tamper.wrongToken(), Tamper.noSignature())) {
            assertThatThrownBy(() -> call.tamper(tamper).connect())
                    .isInstanceOfSatisfying(MediaStream.Refused.class, refused -> assertThat(refused.status()).isEqualTo(403));
        }
        assertThatThrownBy(() -> call.tamper(Tamper.alter("To", "x")).connect())
                .isInstanceOf(IllegalArgumentException.class);
        try (MediaStream stream = call.tamper(Tamper.none()).connect()) {
            assertThat(stream.isClosed()).isFalse();
        }

        Upgrade accepted = PARLEY.upgrades.get(PARLEY.upgrades.size() - 1);
        assertThat(accepted.path()).isEqualTo(TwilioCallSimulator.MEDIA_PATH);
        assertThat(new RequestValidator(TOKEN).validate("wss://voice.example.test/telephony/twilio/media", Map.of(),
                accepted.signature())).isTrue();
    }

    @Test
    void callerAudioGoesOutIn160ByteFramesEvery20MsAfterConnectedAndStart() throws Exception {
        TwilioCallSimulator call = dial(PARLEY_NUMBER);
        call.incomingCall();
        try (MediaStream stream = call.connect()) {
            stream.connected();
            stream.start();
            stream.speak(Arrays.copyOf(SPEECH, 1000));
            stream.silence(Duration.ofMillis(200));
            stream.dtmf('5');
            stream.stop();

            assertThat(stream.awaitClose(WAIT)).isEqualTo(new Close(1000, "bye"));
        }

        List<Received> sent = PARLEY.fromTwilio;
        String sids = "\"streamSid\":\"" + call.streamSid() + "\"";
        assertThat(sent.get(0).text()).isEqualTo("{\"event\":\"connected\",\"protocol\":\"Call\",\"version\":\"1.0.0\"}");
        assertThat(sent.get(1).text()).isEqualTo("{\"event\":\"start\",\"sequenceNumber\":\"1\",\"start\":{\"accountSid\":\""
                + ACCOUNT + "\"," + sids + ",\"callSid\":\"" + call.callSid() + "\",\"tracks\":[\"inbound\"],"
                + "\"mediaFormat\":{\"encoding\":\"audio/x-mulaw\",\"sampleRate\":8000,\"channels\":1},"
                + "\"customParameters\":{\"callToken\":\"" + CALL_TOKEN + "\"}}," + sids + "}");
        List<Received> media = sent.subList(2, 19);
        ByteArrayOutputStream audio = new ByteArrayOutputStream();
        for (int i = 0; i < media.size(); i++) {
            JsonNode frame = media.get(i).json();
            assertThat(frame.get("event").asText()).isEqualTo("media");
            assertThat(frame.get("sequenceNumber").isTextual()).isTrue();
            assertThat(frame.get("sequenceNumber").asText()).isEqualTo(Integer.toString(i + 2));
            assertThat(frame.path("media").get("chunk").asText()).isEqualTo(Integer.toString(i + 1));
            assertThat(frame.path("media").get("track").asText()).isEqualTo("inbound");
            assertThat(frame.path("media").get("timestamp").isTextual()).isTrue();
            assertThat(frame.get("streamSid").asText()).isEqualTo(call.streamSid());
            byte[] payload = Base64.getDecoder().decode(frame.path("media").get("payload").asText());
            assertThat(payload).hasSize(160);
            audio.write(payload);
        }
        byte[] expected = Arrays.copyOf(SPEECH, 17 * 160);
        Arrays.fill(expected, 1000, expected.length, (byte) 0xFF);
        assertThat(audio.toByteArray()).isEqualTo(expected);
        double spanMillis = (media.get(16).arrivedNanos() - media.get(0).arrivedNanos()) / 1e6;
        assertThat(spanMillis).isCloseTo(16 * 20, within(60.0));
        long firstTimestamp = media.get(0).json().path("media").get("timestamp").asLong();
        long lastTimestamp = media.get(16).json().path("media").get("timestamp").asLong();
        assertThat(lastTimestamp - firstTimestamp).isCloseTo(16 * 20, within(60L));
        assertThat(sent.get(19).text()).isEqualTo("{\"event\":\"dtmf\"," + sids
                + ",\"sequenceNumber\":\"19\",\"dtmf\":{\"track\":\"inbound_track\",\"digit\":\"5\"}}");
        assertThat(sent.get(20).text()).isEqualTo("{\"event\":\"stop\",\"sequenceNumber\":\"20\",\"stop\":{\"accountSid\":\""
                + ACCOUNT + "\",\"callSid\":\"" + call.callSid() + "\"}," + sids + "}");
    }

    @Test
    void marksEchoOnlyOnceTheirAudioHasPlayedAndClearEchoesThePendingOnesAtOnce() throws Exception {
        TwilioCallSimulator call = dial(PARLEY_NUMBER);
        call.incomingCall();
        try (MediaStream stream = call.connect()) {
            stream.connected();
            stream.start();
            String sid = call.streamSid();
            byte[] first = Arrays.copyOfRange(SPEECH, 0, 3200);
            byte[] second = Arrays.copyOfRange(SPEECH, 3200, 11200);
            byte[] third = Arrays.copyOfRange(SPEECH, 11200, 12800);

            PARLEY.send(media("MZ00000000000000000000000000000000", first));
            PARLEY.send(mark(sid, "nothing-queued"));
            Await.until(WAIT, "the mark with nothing queued echoed", () -> stream.marksEchoed().size() == 1);
            assertThat(stream.audioReceived()).isEmpty();

            PARLEY.send(media(sid, first));
            PARLEY.send(mark(sid, "first"));
            Await.until(WAIT, "the first mark echoed", () -> stream.marksEchoed().size() == 2);
            double firstLateness = (stream.marksEchoed().get(1).atNanos() - arrival(stream, 0)) / 1e6 - 400;
            assertThat(firstLateness).isBetween(0.0, 250.0);
            assertThat(stream.audioPlayed()).isEqualTo(first);

            PARLEY.send(media(sid, second));
            PARLEY.send(mark(sid, "second"));
            PARLEY.send(media(sid, third));
            PARLEY.send(mark(sid, "third"));
            TimeUnit.MILLISECONDS.sleep(300);
            assertThat(stream.marksEchoed()).hasSize(2);
            PARLEY.send("{\"event\":\"clear\",\"streamSid\":\"" + sid + "\"}");
            Await.until(WAIT, "the pending marks echoed", () -> stream.marksEchoed().size() == 4);

            long clearArrived = stream.received().stream().filter(message -> message.event().equals("clear"))
                    .findFirst().orElseThrow().arrivedNanos();
            List<EchoedMark> echoes = stream.marksEchoed();
            assertThat(echoes).extracting(EchoedMark::name)
                    .containsExactly("nothing-queued", "first", "second", "third");
            assertThat(echoes.subList(2, 4)).allSatisfy(echo ->
                    assertThat((echo.atNanos() - clearArrived) / 1e6).isBetween(0.0, 20.0));
            assertThat(stream.clearsReceived()).isEqualTo(1);
            int heardOfSecond = (int) ((clearArrived - arrival(stream, 1)) / 125_000);
            byte[] played = stream.audioPlayed();
            assertThat(played.length - first.length).isCloseTo(heardOfSecond, within(1));
            assertThat(played).isEqualTo(Arrays.copyOf(SPEECH, played.length));
            TimeUnit.MILLISECONDS.sleep(100);
            assertThat(stream.audioPlayed()).isEqualTo(played);
            assertThat(stream.audioReceived()).isEqualTo(Arrays.copyOf(SPEECH, 12800));
        }

        List<String> echoed = PARLEY.fromTwilio.stream().map(Received::text).filter(text -> text.contains("\"mark\""))
                .toList();
        String sid = call.streamSid();
        assertThat(echoed).containsExactly(echo(2, sid, "nothing-queued"), echo(3, sid, "first"),
                echo(4, sid, "second"), echo(5, sid, "third"));
    }

    private static TwilioCallSimulator dial(String to) {
        return TwilioCallSimulator.dial(PUBLIC, PARLEY.port, TOKEN, ACCOUNT, CALLER, to);
    }

    /** When the {@code index}-th media message of our stream arrived (0 = the first). */
    private static long arrival(MediaStream stream, int index) {
        return stream.received().stream()
                .filter(message -> message.event().equals("media") && message.json().path("streamSid").asText()
                        .equals(stream.streamSid()))
                .skip(index).findFirst().map(ServerMessage::arrivedNanos).orElseThrow();
    }

    private static String media(String streamSid, byte[] mulaw) {
        return "{\"event\":\"media\",\"streamSid\":\"" + streamSid + "\",\"media\":{\"payload\":\""
                + Base64.getEncoder().encodeToString(mulaw) + "\"}}";
    }

    private static String mark(String streamSid, String name) {
        return "{\"event\":\"mark\",\"streamSid\":\"" + streamSid + "\",\"mark\":{\"name\":\"" + name + "\"}}";
    }

    private static String echo(int sequence, String streamSid, String name) {
        return "{\"event\":\"mark\",\"sequenceNumber\":\"" + sequence + "\",\"streamSid\":\"" + streamSid
                + "\",\"mark\":{\"name\":\"" + name + "\"}}";
    }

    private record Webhook(String path, Map<String, String> params, String body, String signature) {
    }

    private record Upgrade(String path, String signature) {
    }

    private record Received(String text, long arrivedNanos) {
        private static final ObjectMapper JSON = new ObjectMapper();

        JsonNode json() throws Exception {
            return JSON.readTree(text);
        }
    }

    /**
     * Stands in for Parley: checks every signature with Twilio's RequestValidator over the public
     * URLs, answers the voice webhook with TwiML, closes the media socket after {@code stop}, and
     * records what arrives.
     */
    private static final class StandIn {

        private final RequestValidator validator = new RequestValidator(TOKEN);
        private final List<Webhook> webhooks = new CopyOnWriteArrayList<>();
        private final List<Upgrade> upgrades = new CopyOnWriteArrayList<>();
        private final List<Received> fromTwilio = new CopyOnWriteArrayList<>();
        private volatile ServerWebSocket socket;
        private Vertx vertx;
        private int port;

        void start() {
            vertx = Vertx.vertx();
            HttpServer server = await(vertx.createHttpServer().requestHandler(this::handle).listen(0, "127.0.0.1"));
            port = server.actualPort();
        }

        void stop() {
            await(vertx.close());
        }

        void reset() {
            webhooks.clear();
            upgrades.clear();
            fromTwilio.clear();
            socket = null;
        }

        void send(String text) {
            Await.value(WAIT, "the media socket", () -> socket).writeTextMessage(text);
        }

        private void handle(HttpServerRequest request) {
            String signature = request.getHeader(TwilioSignatures.HEADER);
            if (request.path().equals(TwilioCallSimulator.MEDIA_PATH)) {
                upgrades.add(new Upgrade(request.path(), signature));
                if (!valid(PUBLIC.replace("https://", "wss://") + request.path(), Map.of(), signature)) {
                    request.response().setStatusCode(403).end();
                    return;
                }
                request.toWebSocket().onSuccess(this::accept);
                return;
            }
            request.body().onSuccess(buffer -> {
                String body = buffer.toString(StandardCharsets.UTF_8);
                Map<String, String> params = new TreeMap<>();
                new QueryStringDecoder(body, StandardCharsets.UTF_8, false).parameters()
                        .forEach((name, values) -> params.put(name, values.get(0)));
                webhooks.add(new Webhook(request.path(), params, body, signature));
                if (!valid(PUBLIC + request.path(), params, signature)) {
                    request.response().setStatusCode(403).end();
                } else if (request.path().equals(TwilioCallSimulator.VOICE_PATH)) {
                    request.response().putHeader("Content-Type", "text/xml").end(twiml(params.get("To")));
                } else {
                    request.response().setStatusCode(204).end();
                }
            });
        }

        private boolean valid(String url, Map<String, String> params, String signature) {
            return signature != null && validator.validate(url, params, signature);
        }

        private void accept(ServerWebSocket accepted) {
            accepted.textMessageHandler(text -> {
                fromTwilio.add(new Received(text, System.nanoTime()));
                if (text.contains("\"event\":\"stop\"")) {
                    accepted.close((short) 1000, "bye");
                }
            });
            socket = accepted;
        }

        private static String twiml(String to) {
            if (!PARLEY_NUMBER.equals(to)) {
                return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Say>This number is not in service.</Say>"
                        + "<Hangup/></Response>";
            }
            return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Connect>"
                    + "<Stream url=\"wss://voice.example.test/telephony/twilio/media\""
                    + " statusCallback=\"https://voice.example.test/telephony/twilio/stream-status\">"
                    + "<Parameter name=\"callToken\" value=\"" + CALL_TOKEN + "\"/></Stream></Connect><Hangup/></Response>";
        }

        private static <T> T await(Future<T> future) {
            try {
                return future.toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
