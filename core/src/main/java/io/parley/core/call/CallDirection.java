package io.parley.core.call;

/** Whether the caller rang the tenant's number or the tenant's side placed the call. */
public enum CallDirection {
    INBOUND,
    OUTBOUND;

    /** The wire name. */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Twilio's {@code Direction} ({@code inbound}, {@code outbound-api}, {@code outbound-dial}). */
    public static CallDirection fromTwilio(String direction) {
        return direction != null && direction.startsWith("outbound") ? OUTBOUND : INBOUND;
    }
}
