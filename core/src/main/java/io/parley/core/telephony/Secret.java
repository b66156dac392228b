package io.parley.core.telephony;

import java.util.Objects;

/** A provider credential: readable only through {@link #reveal()}, never printed. */
public final class Secret {

    private final String value;

    public Secret(String value) {
        this.value = Objects.requireNonNull(value, "secret");
    }

    /** The credential itself, for signing or comparing; never log it. */
    public String reveal() {
        return value;
    }

    /** How the secret is shown in API answers: its length hidden, its last two characters kept. */
    public String masked() {
        return value.length() <= 4 ? "****" : "****" + value.substring(value.length() - 2);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Secret secret && secret.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return "Secret[****]";
    }
}
