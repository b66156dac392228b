package io.parley.application.voice;

import io.parley.core.port.out.VoiceOutput;
import io.parley.core.voice.AudioFormat;
import io.parley.core.voice.SpeechSynthesis;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * The agent's voice in one session. A turn's sentences go to synthesis a piece at a time (one flush in
 * flight, at most {@value #MOST_CHARS_PER_FLUSH} characters, and only while less than
 * {@link #FLUSH_AHEAD} of audio waits to be heard), so the first audio comes after the first sentence
 * and no more than a few seconds of audio is ever held; the audio is played out paced ({@link Playout}).
 * An interruption drops what synthesis has not delivered and what was not sent. Guarded by its
 * {@link VoiceConversation}.
 */
final class AgentSpeech {

    /** Audio waiting to be heard below which the next piece of text goes to synthesis. */
    static final Duration FLUSH_AHEAD = Duration.ofSeconds(3);
    static final int MOST_CHARS_PER_FLUSH = SentenceSplitter.LONGEST;
    /** How long a clear may go unconfirmed before synthesis is taken to have dropped everything anyway. */
    static final Duration CLEAR_CONFIRMED_WITHIN = Duration.ofSeconds(2);

    private final VoiceOutput output;
    private final Playout playout;
    private final FlushBudget flushes = new FlushBudget();
    private final Consumer<AgentTurn> onSpoken;
    private SpeechSynthesis synthesis;
    private AgentTurn turn;
    private Instant clearingSince;

    AgentSpeech(AudioFormat format, VoiceOutput output, Consumer<AgentTurn> onSpoken) {
        this.output = output;
        this.playout = new Playout(format, output);
        this.onSpoken = onSpoken;
    }

    /** Speaks through this synthesis stream from now on (a new one has nothing to clear). */
    void connect(SpeechSynthesis opened) {
        synthesis = opened;
        clearingSince = null;
    }

    /** Turn {@code next} speaks from now on. */
    void begin(AgentTurn next) {
        turn = next;
        playout.nextTurn();
    }

    /** The turn being spoken, if any. */
    AgentTurn current() {
        return turn;
    }

    /** Queues a sentence of the current turn. */
    void say(String sentence, Instant now) {
        if (turn != null && !sentence.isBlank()) {
            turn.toSpeak.add(sentence.strip());
            advance(now);
        }
    }

    /** Sends what is due, gives synthesis the next piece of text if it may, and notices the end of the turn. */
    void advance(Instant now) {
        playout.pump(now);
        AgentTurn speaking = turn;
        if (clearingSince != null && Duration.between(clearingSince, now).compareTo(CLEAR_CONFIRMED_WITHIN) > 0) {
            clearingSince = null;
        }
        if (speaking == null || clearingSince != null) {
            return;
        }
        if (speaking.flushesPending == 0 && !speaking.toSpeak.isEmpty()
                && playout.buffered(now).compareTo(FLUSH_AHEAD) < 0
                && flushes.tryFlush(now, !speaking.synthesisStarted())) {
            String piece = nextPiece(speaking);
            speaking.synthesisAsked(now);
            speaking.spoken.piece(piece);
            speaking.flushesPending++;
            synthesis.speak(piece);
            synthesis.flush();
        }
        if (speaking.modelDone && speaking.flushesPending == 0 && speaking.toSpeak.isEmpty() && playout.drained()) {
            turn = null;
            if (speaking.audioStarted) {
                output.audioEnd(speaking.id);
            }
            onSpoken.accept(speaking);
        }
    }

    /** Audio from synthesis, for the piece in flight. */
    void audio(byte[] audio, Instant now) {
        if (turn == null || clearingSince != null) {
            return;
        }
        if (turn.firstAudio(now)) {
            output.audioStart(turn.id);
        }
        turn.spoken.audio(audio.length);
        playout.add(audio);
        playout.pump(now);
    }

    /** Synthesis delivered all audio of the piece in flight. */
    void flushed(Instant now) {
        if (turn == null || clearingSince != null || turn.flushesPending == 0) {
            return;
        }
        turn.flushesPending--;
        turn.spoken.pieceDone();
        advance(now);
    }

    /** Synthesis dropped what it held, as asked: the next turn may speak. */
    void cleared(Instant now) {
        clearingSince = null;
        advance(now);
    }

    /** Stops the current turn at once; returns how much of its audio the user heard. */
    Duration interrupt(Instant now) {
        AgentTurn stopped = turn;
        turn = null;
        Duration heard = playout.played(now);
        playout.reset();
        if (stopped == null) {
            return heard;
        }
        if (stopped.flushesPending > 0) {
            clearingSince = now;
            synthesis.clear();
        }
        if (stopped.audioStarted) {
            output.audioClear(stopped.id);
        }
        return heard;
    }

    /** Sentences off the turn's queue, up to the most one flush takes (a longer sentence goes alone). */
    private static String nextPiece(AgentTurn speaking) {
        StringBuilder piece = new StringBuilder(speaking.toSpeak.poll());
        while (!speaking.toSpeak.isEmpty()
                && piece.length() + 1 + speaking.toSpeak.peek().length() <= MOST_CHARS_PER_FLUSH) {
            piece.append(' ').append(speaking.toSpeak.poll());
        }
        return piece.toString();
    }
}
