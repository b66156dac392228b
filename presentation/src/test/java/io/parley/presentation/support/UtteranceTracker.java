package io.parley.presentation.support;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Turns the speech detector's windows into what {@code /v1/listen} says, in audio time (so a client
 * must keep streaming, silence included, for endpoints to fire, as with Deepgram): SpeechStarted at
 * the first speech window; interim Results every {@link #INTERIM_EVERY_MILLIS} revealing one more
 * scripted word; a final with {@code speech_final:true} once the pause reaches {@code endpointing};
 * UtteranceEnd once it reaches {@code utterance_end_ms}; an empty final for every
 * {@link #SILENT_CHUNK_MILLIS} of silence. Pauses under {@link #MIN_PAUSE_MILLIS} never end an
 * utterance: spoken words have such gaps inside them (the stop of "price" in the fixtures is 50 ms).
 */
final class UtteranceTracker implements SpeechDetector.Windows {

    static final long MIN_PAUSE_MILLIS = 100;
    static final long INTERIM_EVERY_MILLIS = 300;
    static final long SILENT_CHUNK_MILLIS = 3000;
    /** With {@code endpointing=false}, the pause after which an utterance is finalized anyway. */
    static final long UNENDPOINTED_PAUSE_MILLIS = 1000;

    private final ListenOptions options;
    private final ListenMessages messages;
    private final Supplier<String> script;
    private final Consumer<String> out;
    private long cursor;
    private long segmentStart;
    private long pendingUtteranceEnd = -1;
    private Utterance open;

    UtteranceTracker(ListenOptions options, ListenMessages messages, Supplier<String> script, Consumer<String> out) {
        this.options = options;
        this.messages = messages;
        this.script = script;
        this.out = out;
    }

    @Override
    public void window(boolean speech, long endMillis) {
        cursor = endMillis;
        if (speech) {
            heard(endMillis);
        } else {
            silence(endMillis);
        }
        if (open != null && options.interimResults()
                && cursor - open.start >= (open.interims + 1) * INTERIM_EVERY_MILLIS) {
            open.interims++;
            out.accept(messages.results(segmentStart, cursor, false, false, false,
                    open.transcript.words(open.interims, open.start, open.lastSpeechEnd)));
        }
    }

    /** Finalizes whatever audio is pending (Finalize, CloseStream): the open utterance, or silence. */
    void finalizePending(boolean fromFinalize) {
        if (open != null) {
            finalizeOpen(false, fromFinalize);
        } else if (cursor > segmentStart) {
            emptyFinal(fromFinalize);
        }
    }

    private void heard(long endMillis) {
        if (open == null) {
            open = new Utterance(new ScriptedTranscript(script.get()), endMillis - SpeechDetector.WINDOW_MILLIS);
            pendingUtteranceEnd = -1;
            if (options.vadEvents()) {
                out.accept(messages.speechStarted(open.start));
            }
        }
        open.lastSpeechEnd = endMillis;
    }

    private void silence(long endMillis) {
        if (open != null) {
            long pause = endMillis - open.lastSpeechEnd;
            if (options.endpointingMillis() >= 0 && pause >= Math.max(options.endpointingMillis(), MIN_PAUSE_MILLIS)) {
                finalizeOpen(true, false);
            } else if (options.endpointingMillis() < 0 && pause >= UNENDPOINTED_PAUSE_MILLIS
                    || utteranceEndWanted() && pause >= Math.max(options.utteranceEndMillis(), MIN_PAUSE_MILLIS)) {
                finalizeOpen(false, false);
            }
        }
        if (open == null) {
            if (pendingUtteranceEnd >= 0 && endMillis - pendingUtteranceEnd >= options.utteranceEndMillis()) {
                out.accept(messages.utteranceEnd(pendingUtteranceEnd));
                pendingUtteranceEnd = -1;
            } else if (endMillis - segmentStart >= SILENT_CHUNK_MILLIS) {
                emptyFinal(false);
            }
        }
    }

    private void finalizeOpen(boolean speechFinal, boolean fromFinalize) {
        out.accept(messages.results(segmentStart, cursor, true, speechFinal, fromFinalize,
                open.transcript.words(open.transcript.size(), open.start, open.lastSpeechEnd)));
        segmentStart = cursor;
        if (utteranceEndWanted()) {
            pendingUtteranceEnd = open.lastSpeechEnd;
        }
        open = null;
    }

    private void emptyFinal(boolean fromFinalize) {
        out.accept(messages.results(segmentStart, cursor, true, false, fromFinalize, List.of()));
        segmentStart = cursor;
    }

    /** UtteranceEnd needs {@code utterance_end_ms} and, per Deepgram's docs, {@code interim_results=true}. */
    private boolean utteranceEndWanted() {
        return options.utteranceEndMillis() >= 0 && options.interimResults();
    }

    /** The utterance being heard: its script, where speech began and last ended, interims sent. */
    private static final class Utterance {
        final ScriptedTranscript transcript;
        final long start;
        long lastSpeechEnd;
        int interims;

        Utterance(ScriptedTranscript transcript, long start) {
            this.transcript = transcript;
            this.start = start;
        }
    }
}
