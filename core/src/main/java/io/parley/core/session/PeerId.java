package io.parley.core.session;

import io.parley.core.InvalidInputException;
import java.util.regex.Pattern;

/** Name a client uses for itself within its tenant: 1–64 characters of [A-Za-z0-9._-]. */
public record PeerId(String value) {

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    public PeerId {
        if (value == null || !VALID.matcher(value).matches()) {
            throw new InvalidInputException("invalid_peer_id", "peerId must be 1-64 characters of [A-Za-z0-9._-]");
        }
    }

    public static boolean isValid(String value) {
        return value != null && VALID.matcher(value).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
