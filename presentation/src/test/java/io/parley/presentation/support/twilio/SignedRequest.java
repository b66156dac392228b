package io.parley.presentation.support.twilio;

import java.util.Map;

/** A request as the simulator sends it: public URL, parameters, and signature header (null: omitted). */
public record SignedRequest(String url, Map<String, String> params, String signature) {
}
