package io.parley.presentation.support.twilio;

/** Parley's answer to a webhook: HTTP status, Content-Type (empty when absent) and body. */
public record WebhookResponse(int status, String contentType, String body) {
}
