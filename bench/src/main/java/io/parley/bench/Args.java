package io.parley.bench;

import java.util.HashMap;
import java.util.Map;

/** The key=value command-line arguments of the bench tools. */
record Args(Map<String, String> values) {

    static Args parse(String[] argv) {
        Map<String, String> values = new HashMap<>();
        for (String arg : argv) {
            int eq = arg.indexOf('=');
            if (eq < 1) {
                throw new IllegalArgumentException("arguments are key=value, got " + arg);
            }
            values.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        return new Args(values);
    }

    String get(String key, String fallback) {
        return values.getOrDefault(key, fallback);
    }

    long getLong(String key, long fallback) {
        String value = values.get(key);
        return value == null ? fallback : Long.parseLong(value);
    }
}
