package io.parley.core.signal;

import io.parley.core.InvalidInputException;
import java.util.regex.Pattern;

/** Name of a signalling room within a tenant: 1–128 characters of [A-Za-z0-9._:-]. */
public record RoomName(String value) {

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    public RoomName {
        if (value == null || !VALID.matcher(value).matches()) {
            throw new InvalidInputException("invalid_message", "room must be 1-128 characters of [A-Za-z0-9._:-]");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
