package io.parley.core.auth;

/** A bearer token that is malformed, expired, or not signed by this deployment. */
public class InvalidTokenException extends Exception {

    public InvalidTokenException(String message) {
        super(message);
    }
}
