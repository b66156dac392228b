package io.parley.application.telephony;

import io.parley.core.InvalidInputException;
import io.parley.core.call.CallStatus;
import io.parley.core.telephony.SignedRequest;
import io.parley.core.telephony.TwilioAccount;
import java.util.Optional;

/** The checks every request from Twilio passes: signed with the account's token, and for that account. */
final class TwilioRequests {

    private TwilioRequests() {
    }

    /** Why the request must be refused, if it must: a missing or wrong signature, or another account's SID. */
    static Optional<String> refusal(SignedRequest request, TwilioAccount account) {
        if (request.signature().isEmpty()) {
            return Optional.of("X-Twilio-Signature is missing");
        }
        if (!TwilioSignature.verify(request, account.authToken())) {
            return Optional.of("X-Twilio-Signature does not match the request");
        }
        if (!request.param("AccountSid").map(account.accountSid()::equals).orElse(true)) {
            return Optional.of("AccountSid is not the account of the called number");
        }
        return Optional.empty();
    }

    /** Twilio's CallStatus, if it is one. */
    static Optional<CallStatus> status(String code) {
        try {
            return Optional.of(CallStatus.parse(code));
        } catch (InvalidInputException e) {
            return Optional.empty();
        }
    }
}
