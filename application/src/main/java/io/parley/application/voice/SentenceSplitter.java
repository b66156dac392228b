package io.parley.application.voice;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a streamed answer into sentences as they complete, so speech synthesis can start on the first
 * one while the model still writes the rest. A sentence ends at . ! ? … or a newline followed by white
 * space; one running past {@value #LONGEST} characters is cut at its last space.
 */
final class SentenceSplitter {

    static final int LONGEST = 200;

    private final StringBuilder pending = new StringBuilder();

    /** Takes a piece of the answer; returns the sentences it completed, in order. */
    List<String> feed(String delta) {
        pending.append(delta);
        List<String> sentences = new ArrayList<>();
        int end;
        while ((end = sentenceEnd()) > 0) {
            sentences.add(pending.substring(0, end).strip());
            pending.delete(0, end);
        }
        return sentences;
    }

    /** What remains once the answer is complete (empty when nothing does). */
    String rest() {
        String rest = pending.toString().strip();
        pending.setLength(0);
        return rest;
    }

    private int sentenceEnd() {
        for (int i = 0; i + 1 < pending.length() && i < LONGEST; i++) {
            char c = pending.charAt(i);
            boolean terminal = c == '.' || c == '!' || c == '?' || c == '…' || c == '\n';
            if (terminal && Character.isWhitespace(pending.charAt(i + 1)) && !pending.substring(0, i).isBlank()) {
                return i + 1;
            }
        }
        if (pending.length() > LONGEST) {
            int space = pending.lastIndexOf(" ", LONGEST);
            return space > 0 ? space + 1 : LONGEST;
        }
        return -1;
    }
}
