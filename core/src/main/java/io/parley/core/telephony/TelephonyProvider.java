package io.parley.core.telephony;

/** The telephony providers a call can come from. */
public enum TelephonyProvider {
    TWILIO,
    EXOTEL,
    VAPI;

    /** The lower-case name used in URLs, JSON and the database. */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
