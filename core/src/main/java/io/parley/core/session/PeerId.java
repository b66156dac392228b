package io.parley.core.session;

import io.parley.core.InvalidInputException;

/** Name a client uses for itself within its tenant: 1–64 characters of [A-Za-z0-9._-]. */
public record PeerId(String value) {

    private static final int MAX_LENGTH = 64;

    public PeerId {
        if (!isValid(value)) {
            throw new InvalidInputException("invalid_peer_id", "peerId must be 1-64 characters of [A-Za-z0-9._-]");
        }
    }

    /** Checked by hand, not by a regular expression: it runs for every relayed frame. */
    public static boolean isValid(String value) {
        if (value == null || value.isEmpty() || value.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean allowed = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.'
                    || c == '_' || c == '-';
            if (!allowed) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return value;
    }
}
