package io.parley.core;

/** Raised when a value from outside breaks a domain rule; carries a stable error code for clients. */
public class InvalidInputException extends RuntimeException {

    private final String code;

    public InvalidInputException(String code, String message) {
        super(message);
        this.code = code;
    }

    public static InvalidInputException invalid(String message) {
        return new InvalidInputException("invalid_request", message);
    }

    public String code() {
        return code;
    }
}
