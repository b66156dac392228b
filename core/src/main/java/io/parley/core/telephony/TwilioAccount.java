package io.parley.core.telephony;

import io.parley.core.InvalidInputException;
import io.parley.core.tenant.TenantId;
import java.util.List;
import java.util.regex.Pattern;

/** A tenant's Twilio account: its SID, the auth token Twilio signs requests with, and its numbers (E.164). */
public record TwilioAccount(TenantId tenant, String accountSid, Secret authToken, List<String> numbers) {

    private static final Pattern ACCOUNT_SID = Pattern.compile("AC[0-9a-fA-F]{32}");
    private static final Pattern AUTH_TOKEN = Pattern.compile("[0-9A-Za-z]{16,64}");
    public static final int MOST_NUMBERS = 100;

    public TwilioAccount {
        if (accountSid == null || !ACCOUNT_SID.matcher(accountSid).matches()) {
            throw InvalidInputException.invalid("accountSid must be AC followed by 32 hexadecimal characters");
        }
        if (authToken == null || !AUTH_TOKEN.matcher(authToken.reveal()).matches()) {
            throw InvalidInputException.invalid("authToken must be 16 to 64 letters or digits");
        }
        if (numbers == null || numbers.isEmpty() || numbers.size() > MOST_NUMBERS) {
            throw InvalidInputException.invalid("numbers must list 1 to " + MOST_NUMBERS + " phone numbers");
        }
        numbers.forEach(PhoneNumber::requireE164);
        if (numbers.stream().distinct().count() != numbers.size()) {
            throw InvalidInputException.invalid("numbers must not repeat a number");
        }
        numbers = List.copyOf(numbers);
    }
}
