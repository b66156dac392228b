package io.parley.presentation.support.twilio;

import com.twilio.security.RequestValidator;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Computes {@code X-Twilio-Signature} values as Twilio does and proves each one with Twilio's own
 * {@link RequestValidator} (whose signing method is private in the SDK, so only validation is public).
 */
public final class TwilioSignatures {

    public static final String HEADER = "X-Twilio-Signature";

    private final String authToken;
    private final RequestValidator validator;

    public TwilioSignatures(String authToken) {
        this.authToken = authToken;
        this.validator = new RequestValidator(authToken);
    }

    /**
     * Base64(HMAC-SHA1(auth token, url followed by every parameter name and value, names sorted)),
     * failing if the SDK's validator would not accept it.
     */
    public String sign(String url, Map<String, String> params) {
        StringBuilder data = new StringBuilder(url);
        new TreeMap<>(params).forEach((name, value) -> data.append(name).append(value));
        String signature = hmacSha1(data.toString());
        if (!validator.validate(url, params, signature)) {
            throw new IllegalStateException("Twilio's RequestValidator rejects the signature computed for " + url);
        }
        return signature;
    }

    /** The signature of a WebSocket upgrade: over the {@code wss://} URL alone. */
    public String signUpgrade(String url) {
        return sign(url, Map.of());
    }

    /** Whether Twilio's validator accepts this signature for the request. */
    public boolean accepts(String url, Map<String, String> params, String signature) {
        return validator.validate(url, params, signature);
    }

    private String hmacSha1(String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
