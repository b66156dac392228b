package io.parley.core;

/** Raised when something asked for does not exist for the caller (or belongs to another tenant). */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
