package io.parley.core.telephony;

/**
 * Something only one tenant may hold — a phone number, an Exotel API key, a Vapi secret — is already
 * held by another tenant (409); the code says which.
 */
public class AlreadyClaimedException extends RuntimeException {

    private final String code;

    public AlreadyClaimedException(String maskedNumber) {
        this("number_claimed", "the number " + maskedNumber + " is already configured by another tenant");
    }

    public AlreadyClaimedException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
