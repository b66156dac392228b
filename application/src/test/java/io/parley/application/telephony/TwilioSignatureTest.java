package io.parley.application.telephony;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.core.telephony.Secret;
import io.parley.core.telephony.SignedRequest;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** TwilioSignature: Twilio's documented example, tampering, and the URL with or without its default port. */
class TwilioSignatureTest {

    private static final Secret TOKEN = new Secret("12345");
    private static final String URL = "https://mycompany.com/myapp.php?foo=1&bar=2";
    private static final Map<String, String> PARAMS = Map.of("CallSid", "CA1234567890ABCDE", "Caller", "+12349013030",
            "Digits", "1234", "From", "+12349013030", "To", "+18005551212");
    /** From https://www.twilio.com/docs/usage/security#validating-requests. */
    private static final String DOCUMENTED = "0/KCTR6DLpKmkAf8muzZqo1nDgQ=";

    @Test
    void computesTwiliosDocumentedSignature() {
        assertThat(TwilioSignature.compute(TOKEN, URL, PARAMS)).isEqualTo(DOCUMENTED);
        assertThat(TwilioSignature.verify(signed(URL, PARAMS, DOCUMENTED), TOKEN)).isTrue();
    }

    @Test
    void aChangedParameterAnotherTokenOrNoSignatureFails() {
        Map<String, String> tampered = new java.util.HashMap<>(PARAMS);
        tampered.put("To", "+18005551213");
        assertThat(TwilioSignature.verify(signed(URL, tampered, DOCUMENTED), TOKEN)).isFalse();
        assertThat(TwilioSignature.verify(signed(URL, PARAMS, DOCUMENTED), new Secret("54321"))).isFalse();
        assertThat(TwilioSignature.verify(new SignedRequest(URL, PARAMS, Optional.empty()), TOKEN)).isFalse();
        assertThat(TwilioSignature.verify(signed("https://mycompany.com/other.php?foo=1&bar=2", PARAMS, DOCUMENTED),
                TOKEN)).isFalse();
    }

    @Test
    void theUrlIsAcceptedWithAndWithoutItsDefaultPort() {
        String withPort = TwilioSignature.compute(TOKEN, "https://mycompany.com:443/myapp.php?foo=1&bar=2", PARAMS);
        assertThat(TwilioSignature.verify(signed(URL, PARAMS, withPort), TOKEN)).isTrue();
        assertThat(TwilioSignature.verify(signed("https://mycompany.com:443/myapp.php?foo=1&bar=2", PARAMS,
                DOCUMENTED), TOKEN)).isTrue();
        String wss = TwilioSignature.compute(TOKEN, "wss://voice.example.com/telephony/twilio/media", Map.of());
        assertThat(TwilioSignature.verify(signed("wss://voice.example.com:443/telephony/twilio/media", Map.of(), wss),
                TOKEN)).isTrue();
        String otherPort = TwilioSignature.compute(TOKEN, "https://mycompany.com:8443/myapp.php?foo=1&bar=2", PARAMS);
        assertThat(TwilioSignature.verify(signed(URL, PARAMS, otherPort), TOKEN)).isFalse();
    }

    private static SignedRequest signed(String url, Map<String, String> params, String signature) {
        return new SignedRequest(url, params, Optional.of(signature));
    }
}
