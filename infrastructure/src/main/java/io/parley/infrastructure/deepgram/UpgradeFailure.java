package io.parley.infrastructure.deepgram;

import io.vertx.core.http.UpgradeRejectedException;

/** Why opening a Deepgram socket failed, in words for the operator, and whether trying again can help. */
record UpgradeFailure(String reason, boolean permanent) {

    private static final int MAX_DETAIL = 200;

    static UpgradeFailure of(Throwable cause) {
        if (cause instanceof UpgradeRejectedException rejected) {
            int status = rejected.getStatus();
            if (status == 401 || status == 403) {
                return new UpgradeFailure("Deepgram refused the API key (HTTP " + status + ")", true);
            }
            String detail = rejected.getHeaders() == null ? null : rejected.getHeaders().get("dg-error");
            String shown = detail == null || detail.isBlank() ? ""
                    : ": " + detail.substring(0, Math.min(MAX_DETAIL, detail.length()));
            return new UpgradeFailure("Deepgram refused the stream (HTTP " + status + shown + ")",
                    status == 400 || status == 404);
        }
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return new UpgradeFailure("Deepgram unreachable: " + message, false);
    }
}
