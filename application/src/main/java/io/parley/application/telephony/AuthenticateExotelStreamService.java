package io.parley.application.telephony;

import io.parley.core.port.in.AuthenticateExotelStreamUseCase;
import io.parley.core.port.out.AuditTrail;
import io.parley.core.port.out.TelephonyAccounts;
import io.parley.core.session.SessionEvent;
import io.parley.core.telephony.ExotelAccount;
import io.parley.core.telephony.ExotelGrant;
import io.parley.core.telephony.TelephonyProvider;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Optional;

/**
 * Checks an Exotel stream's Basic credentials against the account with that API key, comparing the token
 * in constant time; an unknown key or a wrong token is audited, never with the token.
 */
public class AuthenticateExotelStreamService implements AuthenticateExotelStreamUseCase {

    private final TelephonyAccounts accounts;
    private final AuditTrail audit;
    private final Clock clock;

    public AuthenticateExotelStreamService(TelephonyAccounts accounts, AuditTrail audit, Clock clock) {
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public Optional<ExotelGrant> authenticate(String apiKey, String apiToken) {
        Optional<ExotelAccount> account = accounts.exotelByApiKey(apiKey);
        if (account.isEmpty()) {
            return refused(account, "no Exotel account has this API key");
        }
        // the presented token first: isEqual's time depends on its first argument's length only
        if (!MessageDigest.isEqual(apiToken.getBytes(StandardCharsets.UTF_8),
                account.get().apiToken().reveal().getBytes(StandardCharsets.UTF_8))) {
            return refused(account, "the API token does not match the API key");
        }
        return Optional.of(new ExotelGrant(account.get().tenant(), account.get().accountSid()));
    }

    private Optional<ExotelGrant> refused(Optional<ExotelAccount> account, String reason) {
        audit.record(SessionEvent.callRefused(account.map(ExotelAccount::tenant), TelephonyProvider.EXOTEL.code(),
                "voicebot stream upgrade: " + reason, clock.instant()));
        return Optional.empty();
    }
}
