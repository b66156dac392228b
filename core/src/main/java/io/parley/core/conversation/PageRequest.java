package io.parley.core.conversation;

import io.parley.core.InvalidInputException;

/** Which page of a listing to read: page from 0, size 1–100. */
public record PageRequest(int page, int size) {

    public static final int MAX_SIZE = 100;

    public PageRequest {
        if (page < 0) {
            throw InvalidInputException.invalid("page must be 0 or more");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw InvalidInputException.invalid("size must be 1-" + MAX_SIZE);
        }
    }
}
