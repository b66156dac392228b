package io.parley.presentation.rest;

/** The JSON body of every error answer: a stable code and a sentence for people. */
public record ApiError(String error, String message) {
}
