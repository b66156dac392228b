package io.parley.application.voice;

import io.parley.core.voice.AudioFormat;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Which text of an agent's turn was spoken: the pieces sent to synthesis in order (one flush each), each
 * with the audio it produced. So an interrupted turn can be stored as what the user heard: whole
 * pieces, and the heard share of the piece in progress, cut at a word.
 */
final class SpokenAudio {

    /** A usual pace of synthesized English speech. */
    static final int CHARACTERS_PER_SECOND = 15;

    private final AudioFormat format;
    private final List<Piece> pieces = new ArrayList<>();
    private int current;

    SpokenAudio(AudioFormat format) {
        this.format = format;
    }

    /** A piece of text went to synthesis, flushed: its audio comes after that of the pieces before it. */
    void piece(String text) {
        pieces.add(new Piece(text));
    }

    /** Audio arrived: it belongs to the oldest piece not yet done. */
    void audio(int bytes) {
        if (current < pieces.size()) {
            pieces.get(current).bytes += bytes;
        }
    }

    /** The oldest piece's flush came back: all its audio has arrived. */
    void pieceDone() {
        if (current < pieces.size()) {
            pieces.get(current).done = true;
            current++;
        }
    }

    /** The text heard in the first {@code heard} of audio. */
    String heardWithin(Duration heard) {
        StringBuilder text = new StringBuilder();
        long left = format.bytesFor(heard);
        for (Piece piece : pieces) {
            if (piece.done && piece.bytes == 0) {
                continue;
            }
            if (left <= 0 || piece.bytes == 0) {
                break;
            }
            if (left >= piece.bytes && piece.done) {
                append(text, piece.text);
                left -= piece.bytes;
            } else {
                long whole = piece.done ? piece.bytes : Math.max(piece.bytes, format.bytesFor(spokenLength(piece.text)));
                double share = Math.min(1.0, (double) left / Math.max(whole, 1));
                append(text, cutAtWord(piece.text, (int) (piece.text.length() * share)));
                break;
            }
        }
        return text.toString();
    }

    /** How long speaking this text takes, at a usual pace, for a piece whose audio has not all come. */
    private static Duration spokenLength(String text) {
        return Duration.ofMillis(text.length() * 1000L / CHARACTERS_PER_SECOND);
    }

    private static void append(StringBuilder text, String piece) {
        if (!piece.isEmpty()) {
            if (!text.isEmpty()) {
                text.append(' ');
            }
            text.append(piece);
        }
    }

    /** The text up to {@code at}, cut at the last whole word (at the character, for text without spaces). */
    private static String cutAtWord(String text, int at) {
        if (at >= text.length()) {
            return text;
        }
        if (text.indexOf(' ') < 0) {
            return text.substring(0, at);
        }
        int space = text.lastIndexOf(' ', at);
        return space > 0 ? text.substring(0, space) : "";
    }

    /** A piece of text and the bytes of audio made of it. */
    private static final class Piece {
        final String text;
        long bytes;
        boolean done;

        Piece(String text) {
            this.text = text;
        }
    }
}
