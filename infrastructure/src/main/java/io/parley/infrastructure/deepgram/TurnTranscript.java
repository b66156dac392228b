package io.parley.infrastructure.deepgram;

import java.util.Optional;

/**
 * The user's turn being heard: its finalized segments joined (at most {@link #MAX_CHARS}) and where
 * its words began and ended, in media time. Ending it hands that over and starts the next turn.
 */
final class TurnTranscript {

    static final int MAX_CHARS = 20_000;

    /** A finished turn: what was said, and where its last word ended. */
    record Ended(String transcript, long speechEndedAtMillis) {
    }

    private final StringBuilder text = new StringBuilder();
    private long firstWordMillis = -1;
    private long lastWordEndMillis = -1;

    void addSegment(String segment, long startMillis, long endMillis) {
        if (text.length() > 0 && text.length() < MAX_CHARS) {
            text.append(' ');
        }
        text.append(segment, 0, Math.min(segment.length(), Math.max(0, MAX_CHARS - text.length())));
        if (firstWordMillis < 0) {
            firstWordMillis = startMillis;
        }
        lastWordEndMillis = Math.max(lastWordEndMillis, endMillis);
    }

    /** Ends the turn (an endpoint, or Finalize); empty when nothing was said. */
    Optional<Ended> end() {
        if (text.length() == 0) {
            return Optional.empty();
        }
        Ended ended = new Ended(text.toString(), lastWordEndMillis);
        text.setLength(0);
        firstWordMillis = -1;
        lastWordEndMillis = -1;
        return Optional.of(ended);
    }

    /**
     * Ends the turn on an UtteranceEnd, unless that speaks of words before this turn's first one (a
     * late UtteranceEnd of a turn an endpoint already ended).
     */
    Optional<Ended> endAt(long utteranceLastWordEndMillis) {
        return utteranceLastWordEndMillis < firstWordMillis ? Optional.empty() : end();
    }
}
