package io.parley.presentation.support.twilio;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Plays one inbound phone call against Parley as Twilio would (signed webhooks, the media stream,
 * status callbacks), addressed to the public base URL but sent to loopback; drive it from one thread.
 */
public final class TwilioCallSimulator {

    public static final String VOICE_PATH = "/telephony/twilio/voice";
    public static final String STATUS_PATH = "/telephony/twilio/status";
    public static final String STREAM_STATUS_PATH = "/telephony/twilio/stream-status";
    public static final String MEDIA_PATH = "/telephony/twilio/media";

    private static final SecureRandom RANDOM = new SecureRandom();
    /** RFC 2822, as Twilio writes {@code Timestamp} in call status callbacks. */
    private static final DateTimeFormatter RFC_2822 =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.US).withZone(ZoneOffset.UTC);

    private final PublicEndpoint endpoint;
    private final TwilioSignatures signatures;
    private final WebhookPoster poster;
    private final String accountSid;
    private final String callSid = newSid("CA");
    private final String streamSid = newSid("MZ");
    private final String from;
    private final String to;
    private final long dialedNanos = System.nanoTime();
    private Tamper tamper = Tamper.none();
    private SignedRequest lastRequest;
    private Twiml twiml;
    private int statusCallbacks;

    private TwilioCallSimulator(PublicEndpoint endpoint, String authToken, String accountSid, String from, String to) {
        this.endpoint = endpoint;
        this.signatures = new TwilioSignatures(authToken);
        this.poster = new WebhookPoster(endpoint);
        this.accountSid = accountSid;
        this.from = from;
        this.to = to;
    }

    /** A call from {@code from} to Parley's number {@code to}, for Parley reachable at {@code publicBaseUrl}. */
    public static TwilioCallSimulator dial(String publicBaseUrl, int localPort, String authToken, String accountSid,
            String from, String to) {
        return new TwilioCallSimulator(new PublicEndpoint(publicBaseUrl, localPort), authToken, accountSid, from, to);
    }

    /** A Twilio SID: the two-letter prefix ({@code AC}, {@code CA}, {@code MZ}…) and 32 random hex digits. */
    public static String newSid(String prefix) {
        byte[] random = new byte[16];
        RANDOM.nextBytes(random);
        return prefix + HexFormat.of().formatHex(random);
    }

    /** How the following webhooks and upgrades are signed, until changed ({@link Tamper#none()} at first). */
    public TwilioCallSimulator tamper(Tamper tamper) {
        this.tamper = tamper;
        return this;
    }

    /** Twilio asks Parley what to do with the ringing call: {@code POST /telephony/twilio/voice}. */
    public WebhookResponse incomingCall() {
        WebhookResponse response = post(endpoint.https(VOICE_PATH), callParameters("ringing"));
        twiml = response.status() == 200 ? Twiml.parse(response.body()) : null;
        return response;
    }

    /** The TwiML of the last successful {@link #incomingCall()}. */
    public Twiml twiml() {
        if (twiml == null) {
            throw new IllegalStateException("no incoming call has been answered with TwiML");
        }
        return twiml;
    }

    /**
     * Opens the media stream at the TwiML's {@code <Stream url>} (without TwiML, the standard
     * {@code wss://PUBLIC/telephony/twilio/media}), signing the upgrade over that URL alone; throws
     * {@link MediaStream.Refused} when Parley refuses it.
     */
    public MediaStream connect() {
        String url = stream().map(Twiml.Stream::url).orElse(endpoint.wss(MEDIA_PATH));
        SignedRequest upgrade = tamper.sign(url, Map.of(), signatures);
        return MediaStream.open(endpoint.local(url), upgrade.signature(),
                new TwilioMessages(accountSid, callSid, streamSid), streamSid,
                stream().map(Twiml.Stream::parameters).orElse(Map.of()));
    }

    /**
     * A call status callback ({@code POST /telephony/twilio/status}): the call parameters with this
     * status, {@code CallbackSource}, {@code SequenceNumber}, {@code Timestamp}, {@code CallDuration}
     * (seconds since dialling) when completed, then {@code extra}, which may override any of them.
     */
    public WebhookResponse postStatus(String callStatus, Map<String, String> extra) {
        Map<String, String> params = callParameters(callStatus);
        params.put("CallbackSource", "call-progress-events");
        params.put("SequenceNumber", Integer.toString(statusCallbacks++));
        params.put("Timestamp", RFC_2822.format(Instant.now()));
        if (callStatus.equals("completed")) {
            params.put("CallDuration", Long.toString((System.nanoTime() - dialedNanos) / 1_000_000_000L));
        }
        params.putAll(extra);
        return post(endpoint.https(STATUS_PATH), params);
    }

    /**
     * A stream status callback ({@code stream-started}, {@code stream-stopped} or {@code stream-error})
     * to the TwiML's {@code statusCallback} (without one, {@code https://PUBLIC/telephony/twilio/stream-status}).
     */
    public WebhookResponse postStreamStatus(String streamEvent) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("AccountSid", accountSid);
        params.put("CallSid", callSid);
        params.put("StreamSid", streamSid);
        params.put("StreamName", stream().flatMap(Twiml.Stream::name).orElse(streamSid));
        params.put("StreamEvent", streamEvent);
        params.put("Timestamp", Instant.now().toString());
        String url = stream().flatMap(Twiml.Stream::statusCallback).orElse(endpoint.https(STREAM_STATUS_PATH));
        return post(url, params);
    }

    /** Sends the last webhook again, byte for byte (same parameters, same signature), as Twilio retries do. */
    public WebhookResponse replay() {
        if (lastRequest == null) {
            throw new IllegalStateException("no webhook sent yet");
        }
        return poster.post(lastRequest);
    }

    public String accountSid() {
        return accountSid;
    }

    public String callSid() {
        return callSid;
    }

    public String streamSid() {
        return streamSid;
    }

    private WebhookResponse post(String url, Map<String, String> params) {
        lastRequest = tamper.sign(url, params, signatures);
        return poster.post(lastRequest);
    }

    private Optional<Twiml.Stream> stream() {
        return Optional.ofNullable(twiml).flatMap(Twiml::stream);
    }

    /**
     * The parameters Twilio sends with every request about an inbound call, in name order; the
     * geographic ones ({@code FromCity}, {@code CalledZip}…) are unknown here but for the country.
     */
    private Map<String, String> callParameters(String callStatus) {
        Map<String, String> params = new TreeMap<>();
        params.put("AccountSid", accountSid);
        params.put("ApiVersion", "2010-04-01");
        params.put("CallSid", callSid);
        params.put("CallStatus", callStatus);
        params.put("Called", to);
        params.put("Caller", from);
        params.put("Direction", "inbound");
        params.put("From", from);
        params.put("To", to);
        for (String party : List.of("Called", "Caller", "From", "To")) {
            params.put(party + "City", "");
            params.put(party + "Country", "US");
            params.put(party + "State", "");
            params.put(party + "Zip", "");
        }
        return params;
    }
}
