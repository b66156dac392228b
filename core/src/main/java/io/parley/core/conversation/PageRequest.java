package io.parley.core.conversation;

import io.parley.core.InvalidInputException;

/** Which page of a listing to read: page from 0, size 1–100, and the page must end within 2^31−1 rows. */
public record PageRequest(int page, int size) {

    public static final int MAX_SIZE = 100;
    /** The furthest row a page may reach: (page + 1) × size must not exceed it. */
    public static final long MAX_END = Integer.MAX_VALUE;

    public PageRequest {
        if (page < 0) {
            throw InvalidInputException.invalid("page must be 0 or more");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw InvalidInputException.invalid("size must be 1-" + MAX_SIZE);
        }
        if ((page + 1L) * size > MAX_END) {
            throw InvalidInputException.invalid("page is out of range: (page + 1) * size must be at most " + MAX_END);
        }
    }
}
