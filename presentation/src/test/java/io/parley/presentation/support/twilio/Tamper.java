package io.parley.presentation.support.twilio;

import java.util.LinkedHashMap;
import java.util.Map;

/** How the simulator signs its requests: genuinely, or spoiled in one way Parley must reject. */
@FunctionalInterface
public interface Tamper {

    /** The request to send for this URL and these parameters, given the genuine signer. */
    SignedRequest sign(String url, Map<String, String> params, TwilioSignatures genuine);

    /** Signed as Twilio signs. */
    static Tamper none() {
        return (url, params, genuine) -> new SignedRequest(url, params, genuine.sign(url, params));
    }

    /** Signed with an auth token that is not the account's. */
    static Tamper wrongToken() {
        TwilioSignatures impostor = new TwilioSignatures("not-the-account-auth-token");
        return (url, params, genuine) -> new SignedRequest(url, params, impostor.sign(url, params));
    }

    /** Sent without the {@code X-Twilio-Signature} header. */
    static Tamper noSignature() {
        return (url, params, genuine) -> new SignedRequest(url, params, null);
    }

    /** Genuinely signed, then parameter {@code name} set to {@code value}; it must be one the request has. */
    static Tamper alter(String name, String value) {
        return (url, params, genuine) -> {
            if (!params.containsKey(name)) {
                throw new IllegalArgumentException("the request to " + url + " has no parameter " + name + " to alter");
            }
            Map<String, String> altered = new LinkedHashMap<>(params);
            altered.put(name, value);
            return new SignedRequest(url, altered, genuine.sign(url, params));
        };
    }
}
