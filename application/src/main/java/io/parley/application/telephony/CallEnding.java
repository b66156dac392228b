package io.parley.application.telephony;

import io.parley.core.call.Call;
import io.parley.core.call.CallStatus;
import io.parley.core.port.out.CallRepository;
import io.parley.core.port.out.ConversationRepository;
import io.parley.core.port.out.UnitOfWork;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Ends a call Parley itself saw end: its final status and length, and the end of its conversation, together. */
final class CallEnding {

    private final CallRepository calls;
    private final ConversationRepository conversations;
    private final UnitOfWork unitOfWork;
    private final Clock clock;

    CallEnding(CallRepository calls, ConversationRepository conversations, UnitOfWork unitOfWork, Clock clock) {
        this.calls = calls;
        this.conversations = conversations;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
    }

    /** Records the final status (unless the call is already over) and, if it changed, ends the conversation. */
    void end(Call call, CallStatus status) {
        Instant now = clock.instant();
        Duration length = Duration.ofSeconds(Duration.between(call.startedAt(), now).toSeconds());
        unitOfWork.inTransaction(() -> {
            if (calls.changeStatus(call.id(), status, now, Optional.of(length))) {
                conversations.end(call.conversationId(), now);
            }
            return null;
        });
    }
}
