package io.parley.bench;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** The query parameters of a request URI. */
record Query(Map<String, String> values) {

    static Query of(String uri) {
        Map<String, String> values = new HashMap<>();
        int at = uri.indexOf('?');
        if (at >= 0) {
            for (String pair : uri.substring(at + 1).split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return new Query(values);
    }

    String get(String key, String fallback) {
        return values.getOrDefault(key, fallback);
    }
}
