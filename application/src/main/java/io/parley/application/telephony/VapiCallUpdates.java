package io.parley.application.telephony;

import io.parley.core.call.Call;
import io.parley.core.call.CallStatus;
import io.parley.core.conversation.Turn;
import io.parley.core.port.out.CallRepository;
import io.parley.core.port.out.ConversationRepository;
import io.parley.core.port.out.UnitOfWork;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What Vapi's events change on a call — its status, its turns, how it ended — each in one unit of work; the call's
 * end also ends its conversation. Replayed events change nothing.
 */
final class VapiCallUpdates {

    /** How far back a replayed transcript is recognised. */
    static final int RECENT_TURNS = 100;
    private static final int MAX_ENDED_REASON = 200;
    private static final int MAX_SUMMARY = 20_000;

    private final CallRepository calls;
    private final ConversationRepository conversations;
    private final UnitOfWork unitOfWork;
    private final Clock clock;

    VapiCallUpdates(CallRepository calls, ConversationRepository conversations, UnitOfWork unitOfWork, Clock clock) {
        this.calls = calls;
        this.conversations = conversations;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
    }

    /** Moves the call on to this status; never back, since Vapi may deliver events out of order. */
    void status(Call call, CallStatus status) {
        if (status.compareTo(call.status()) <= 0) {
            return;
        }
        Instant now = clock.instant();
        unitOfWork.inTransaction(() -> {
            calls.changeStatus(call.id(), status, now, Optional.empty());
            if (status.isFinal()) {
                conversations.end(call.conversationId(), now);
            }
            return null;
        });
    }

    /** Adds the turn unless one of the recent turns is the same utterance: same speaker, text and time. */
    void turn(Call call, Turn turn) {
        unitOfWork.inTransaction(() -> {
            boolean replayed = conversations.lastTurns(call.conversationId(), RECENT_TURNS).stream()
                    .anyMatch(stored -> stored.role() == turn.role() && stored.text().equals(turn.text())
                            && stored.at().equals(turn.at()));
            if (!replayed) {
                conversations.appendTurn(call.conversationId(), turn);
            }
            return null;
        });
    }

    /** Records why the call ended and its summary, cut to what is stored, and completes the call and its conversation. */
    void report(Call call, Optional<String> endedReason, Optional<String> summary, Optional<Duration> duration) {
        Instant now = clock.instant();
        unitOfWork.inTransaction(() -> {
            calls.recordOutcome(call.id(), endedReason.map(reason -> FittedText.fit(reason, MAX_ENDED_REASON)),
                    summary.map(text -> FittedText.fit(text, MAX_SUMMARY)));
            calls.changeStatus(call.id(), CallStatus.COMPLETED, now, duration);
            conversations.end(call.conversationId(), now);
            return null;
        });
    }
}
