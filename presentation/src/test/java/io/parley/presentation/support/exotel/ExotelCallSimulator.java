package io.parley.presentation.support.exotel;

import io.parley.presentation.support.AudioEncoding;
import io.parley.presentation.support.AudioFixture;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;

/**
 * Plays one call as Exotel's voicebot applet places it on Parley: there is no webhook, only the stream, opened
 * with the account's API key and token as Basic credentials ({@code wss://KEY:TOKEN@host/...}) and an optional
 * {@code ?sample-rate=}; drive it from one thread.
 */
public final class ExotelCallSimulator {

    public static final String MEDIA_PATH = "/telephony/exotel/media";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final int localPort;
    private final String accountSid;
    private final String callSid = newSid();
    private final String from;
    private final String to;
    private String authorization;
    private String query = "";
    private int sampleRate = 8000;

    private ExotelCallSimulator(int localPort, String accountSid, String from, String to) {
        this.localPort = localPort;
        this.accountSid = accountSid;
        this.from = from;
        this.to = to;
    }

    /** A call from {@code from} to {@code to} on this Exotel account, for Parley listening on {@code localPort}. */
    public static ExotelCallSimulator call(int localPort, String accountSid, String from, String to) {
        return new ExotelCallSimulator(localPort, accountSid, from, to);
    }

    /** An Exotel id: 32 random hex digits. */
    public static String newSid() {
        byte[] random = new byte[16];
        RANDOM.nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    /** A phrase of {@link AudioFixture} as Exotel streams it: 16-bit PCM at 16 kHz, or at 8 kHz (decoded mu-law). */
    public static byte[] speech(String phrase, int sampleRate) {
        return switch (sampleRate) {
            case 16000 -> AudioFixture.load(phrase, AudioEncoding.LINEAR16, 16000).bytes();
            case 8000 -> AudioEncoding.LINEAR16.encode(AudioEncoding.MULAW.decode(
                    AudioFixture.load(phrase, AudioEncoding.MULAW, 8000).bytes()));
            default -> throw new IllegalArgumentException("no speech fixture at " + sampleRate + " Hz");
        };
    }

    /** The following streams authenticate with this API key and token (HTTP Basic). */
    public ExotelCallSimulator credentials(String apiKey, String apiToken) {
        authorization = "Basic " + Base64.getEncoder().encodeToString((apiKey + ":" + apiToken)
                .getBytes(StandardCharsets.UTF_8));
        return this;
    }

    /** The following streams send no {@code Authorization} header (as with an IP allow-list). */
    public ExotelCallSimulator noCredentials() {
        authorization = null;
        return this;
    }

    /** The following streams ask for this rate ({@code ?sample-rate=}) and say it in {@code start}. */
    public ExotelCallSimulator sampleRate(int rate) {
        sampleRate = rate;
        query = "sample-rate=" + rate;
        return this;
    }

    /** The following streams' upgrade carries this raw query instead (e.g. a rate Exotel does not offer). */
    public ExotelCallSimulator query(String rawQuery) {
        query = rawQuery;
        return this;
    }

    /** Opens a new stream of this call (a fresh {@code stream_sid}); {@link VoicebotStream.Refused} when refused. */
    public VoicebotStream connect() {
        String streamSid = newSid();
        String uri = "ws://127.0.0.1:" + localPort + MEDIA_PATH + (query.isEmpty() ? "" : "?" + query);
        return VoicebotStream.open(uri, authorization == null ? Map.of() : Map.of("Authorization", authorization),
                new ExotelMessages(accountSid, callSid, streamSid, from, to), streamSid, sampleRate);
    }

    public String callSid() {
        return callSid;
    }

    public String from() {
        return from;
    }

    public String to() {
        return to;
    }
}
