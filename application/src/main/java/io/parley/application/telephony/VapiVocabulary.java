package io.parley.application.telephony;

import io.parley.core.call.CallDirection;
import io.parley.core.call.CallStatus;
import io.parley.core.conversation.Role;
import java.util.Optional;

/** Vapi's words for call statuses, call types and speakers, in Parley's terms. */
final class VapiVocabulary {

    /** The call statuses Vapi sends, for error messages. */
    static final String STATUSES = "scheduled, queued, ringing, in-progress, forwarding, ended";

    private VapiVocabulary() {
    }

    /** A Vapi call status: a forwarded call is still in progress, an ended one completed. */
    static Optional<CallStatus> status(String status) {
        return Optional.ofNullable(switch (status) {
            case "scheduled", "queued" -> CallStatus.QUEUED;
            case "ringing" -> CallStatus.RINGING;
            case "in-progress", "forwarding" -> CallStatus.IN_PROGRESS;
            case "ended" -> CallStatus.COMPLETED;
            default -> null;
        });
    }

    /** A Vapi call type: {@code outboundPhoneCall} is outbound; inbound and web calls are inbound. */
    static CallDirection direction(Optional<String> callType) {
        return callType.filter("outboundPhoneCall"::equals).isPresent() ? CallDirection.OUTBOUND : CallDirection.INBOUND;
    }

    /** Who spoke a transcript: the caller ({@code user}) or the assistant. */
    static Optional<Role> role(String role) {
        return Optional.ofNullable(switch (role) {
            case "user" -> Role.USER;
            case "assistant" -> Role.ASSISTANT;
            default -> null;
        });
    }
}
