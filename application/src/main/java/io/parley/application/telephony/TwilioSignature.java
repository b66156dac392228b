package io.parley.application.telephony;

import io.parley.core.telephony.Secret;
import io.parley.core.telephony.SignedRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Twilio's {@code X-Twilio-Signature}: Base64 of HMAC-SHA1, keyed with the account's auth token, over
 * the URL Twilio requested followed by every POST parameter's name and value, sorted by name. The URL
 * is accepted with and without its scheme's default port (Twilio's helper libraries do both), and the
 * comparison takes the same time whatever the signature.
 */
public final class TwilioSignature {

    private TwilioSignature() {
    }

    /** Whether the request carries a signature that this auth token made. */
    public static boolean verify(SignedRequest request, Secret authToken) {
        if (request.signature().isEmpty()) {
            return false;
        }
        byte[] presented = request.signature().get().getBytes(StandardCharsets.UTF_8);
        boolean matched = false;
        for (String url : urlForms(request.url())) {
            byte[] expected = compute(authToken, url, request.params()).getBytes(StandardCharsets.UTF_8);
            matched |= MessageDigest.isEqual(expected, presented);
        }
        return matched;
    }

    /** The signature Twilio would send for this URL and these POST parameters. */
    public static String compute(Secret authToken, String url, Map<String, String> params) {
        StringBuilder data = new StringBuilder(url);
        List<String> names = new ArrayList<>(params.keySet());
        names.sort(null);
        for (String name : names) {
            data.append(name).append(params.get(name) == null ? "" : params.get(name));
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(authToken.reveal().getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is not available", e);
        }
    }

    /** The URL as given, and with its default port added or removed. */
    private static Set<String> urlForms(String url) {
        Set<String> forms = new LinkedHashSet<>();
        forms.add(url);
        try {
            URI uri = URI.create(url);
            int defaultPort = switch (uri.getScheme() == null ? "" : uri.getScheme()) {
                case "https", "wss" -> 443;
                case "http", "ws" -> 80;
                default -> -1;
            };
            if (defaultPort < 0 || uri.getRawAuthority() == null) {
                return forms;
            }
            String host = uri.getHost();
            String rest = url.substring(url.indexOf(uri.getRawAuthority()) + uri.getRawAuthority().length());
            String prefix = uri.getScheme() + "://" + (uri.getRawUserInfo() == null ? "" : uri.getRawUserInfo() + "@");
            if (uri.getPort() == defaultPort) {
                forms.add(prefix + host + rest);
            } else if (uri.getPort() == -1) {
                forms.add(prefix + host + ":" + defaultPort + rest);
            }
        } catch (IllegalArgumentException e) {
            return forms;
        }
        return forms;
    }
}
