package io.parley.core.call;

import io.parley.core.InvalidInputException;
import java.util.Locale;

/** Where a call is in its life, in Twilio's words; the last five are final. */
public enum CallStatus {
    QUEUED,
    RINGING,
    IN_PROGRESS,
    COMPLETED,
    BUSY,
    FAILED,
    NO_ANSWER,
    CANCELED;

    /** The wire name: lower case, dashes ({@code in-progress}, {@code no-answer}). */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The status a provider or client names ({@code in-progress}); a 400 naming the allowed ones otherwise. */
    public static CallStatus parse(String code) {
        for (CallStatus status : values()) {
            if (status.code().equals(code)) {
                return status;
            }
        }
        throw InvalidInputException.invalid("unknown call status '" + code + "'; one of queued, ringing, "
                + "in-progress, completed, busy, failed, no-answer, canceled");
    }

    /** Whether the call is over: no later status changes it. */
    public boolean isFinal() {
        return ordinal() >= COMPLETED.ordinal();
    }
}
