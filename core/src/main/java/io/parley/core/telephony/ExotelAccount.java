package io.parley.core.telephony;

import io.parley.core.InvalidInputException;
import io.parley.core.tenant.TenantId;
import java.util.regex.Pattern;

/** A tenant's Exotel account: its SID, and the API key and token its streams authenticate with (Basic). */
public record ExotelAccount(TenantId tenant, String accountSid, String apiKey, Secret apiToken) {

    private static final Pattern ID = Pattern.compile("[0-9A-Za-z_-]{2,100}");

    public ExotelAccount {
        if (accountSid == null || !ID.matcher(accountSid).matches()) {
            throw InvalidInputException.invalid("accountSid must be 2 to 100 letters, digits, _ or -");
        }
        if (apiKey == null || !ID.matcher(apiKey).matches()) {
            throw InvalidInputException.invalid("apiKey must be 2 to 100 letters, digits, _ or -");
        }
        if (apiToken == null || apiToken.reveal().length() < 8 || apiToken.reveal().length() > 200
                || apiToken.reveal().chars().anyMatch(Character::isWhitespace)) {
            throw InvalidInputException.invalid("apiToken must be 8 to 200 characters without spaces");
        }
    }
}
