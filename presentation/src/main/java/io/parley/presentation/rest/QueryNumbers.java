package io.parley.presentation.rest;

import io.parley.core.InvalidInputException;

/** Parses integer query parameters, answering 400 (not 404) when they are not numbers. */
final class QueryNumbers {

    private QueryNumbers() {
    }

    static int parse(String name, String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw InvalidInputException.invalid(name + " must be an integer");
        }
    }
}
