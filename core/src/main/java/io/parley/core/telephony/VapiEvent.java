package io.parley.core.telephony;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One Vapi server-URL message as it came, in Vapi's words; a field is empty when the message lacks it. Read from
 * {@code message.type}, {@code .timestamp} (milliseconds since the epoch), {@code .call.id}, {@code .call.type},
 * {@code .call.status}, {@code .customer.number} (from), {@code .phoneNumber.number} (to), {@code .status},
 * {@code .transcriptType}, {@code .role}, {@code .transcript}, {@code .endedReason}, {@code .summary} (or
 * {@code .analysis.summary}) and {@code .durationSeconds}.
 */
public record VapiEvent(
        Optional<String> type,
        Optional<Instant> at,
        Optional<String> callId,
        Optional<String> callType,
        Optional<String> callStatus,
        Optional<String> from,
        Optional<String> to,
        Optional<String> status,
        Optional<String> transcriptType,
        Optional<String> role,
        Optional<String> transcript,
        Optional<String> endedReason,
        Optional<String> summary,
        Optional<Double> durationSeconds) {

    public VapiEvent {
        Stream.of(type, at, callId, callType, callStatus, from, to, status, transcriptType, role, transcript,
                endedReason, summary, durationSeconds).forEach(Objects::requireNonNull);
    }
}
