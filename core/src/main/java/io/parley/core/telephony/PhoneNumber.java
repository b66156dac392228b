package io.parley.core.telephony;

import io.parley.core.InvalidInputException;
import java.util.regex.Pattern;

/** Phone numbers as Parley takes them (E.164) and shows them in logs (masked). */
public final class PhoneNumber {

    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{1,14}");

    private PhoneNumber() {
    }

    /** The number, if it is E.164 (+ and up to 15 digits); otherwise a 400 naming it. */
    public static String requireE164(String number) {
        if (number == null || !E164.matcher(number).matches()) {
            throw InvalidInputException.invalid("phone numbers must be E.164 (+ then up to 15 digits), got "
                    + (number == null ? "null" : "'" + masked(number) + "'"));
        }
        return number;
    }

    /** The number with all but its last 4 characters hidden, for logs. */
    public static String masked(String number) {
        if (number == null || number.length() <= 4) {
            return "****";
        }
        return "*".repeat(Math.min(8, number.length() - 4)) + number.substring(number.length() - 4);
    }
}
