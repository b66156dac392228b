package io.parley.presentation.telephony;

import com.fasterxml.jackson.databind.JsonNode;
import io.parley.core.telephony.VapiEvent;
import java.time.Instant;
import java.util.Optional;

/** Reads the {@code message} of a Vapi server event: texts where Vapi sends texts, anything else is absent. */
final class VapiEventJson {

    private VapiEventJson() {
    }

    static VapiEvent read(JsonNode message) {
        JsonNode call = message.path("call");
        return new VapiEvent(text(message, "type"), timestamp(message.path("timestamp")), text(call, "id"),
                text(call, "type"), text(call, "status"), text(message.path("customer"), "number"),
                text(message.path("phoneNumber"), "number"), text(message, "status"),
                text(message, "transcriptType"), text(message, "role"), text(message, "transcript"),
                text(message, "endedReason"),
                text(message, "summary").or(() -> text(message.path("analysis"), "summary")),
                seconds(message.path("durationSeconds")));
    }

    private static Optional<String> text(JsonNode parent, String field) {
        JsonNode value = parent.path(field);
        return value.isTextual() ? Optional.of(value.textValue()) : Optional.empty();
    }

    /** Vapi's timestamps are milliseconds since the epoch. */
    private static Optional<Instant> timestamp(JsonNode value) {
        return value.isNumber() ? Optional.of(Instant.ofEpochMilli(value.asLong())) : Optional.empty();
    }

    /** The number; NaN when something else stands there, so that the use case refuses it. */
    private static Optional<Double> seconds(JsonNode value) {
        if (value.isMissingNode() || value.isNull()) {
            return Optional.empty();
        }
        return Optional.of(value.isNumber() ? value.doubleValue() : Double.NaN);
    }
}
