package io.parley.presentation.support;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The words a test scripted for one utterance (the fake cannot recognise speech), laid over the
 * span of audio where speech was heard: each word gets a share of the span in proportion to its
 * length. {@code word} is the bare lower-case form, {@code punctuated_word} the token as scripted.
 */
final class ScriptedTranscript {

    /** One word of a transcript, timed in milliseconds of audio. */
    record Word(String word, String punctuated, long startMillis, long endMillis) {
    }

    private final List<String> tokens;

    ScriptedTranscript(String text) {
        this.tokens = Arrays.stream(text.trim().split("\\s+")).filter(token -> !bare(token).isEmpty()).toList();
    }

    int size() {
        return tokens.size();
    }

    /** The first {@code count} words spread over {@code fromMillis}..{@code toMillis}. */
    List<Word> words(int count, long fromMillis, long toMillis) {
        List<String> shown = tokens.subList(0, Math.min(count, tokens.size()));
        double letters = shown.stream().mapToInt(String::length).sum();
        List<Word> words = new ArrayList<>();
        double at = fromMillis;
        for (String token : shown) {
            double end = at + (toMillis - fromMillis) * token.length() / letters;
            words.add(new Word(bare(token), token, Math.round(at), Math.round(end)));
            at = end;
        }
        return words;
    }

    private static String bare(String token) {
        return token.replaceAll("[^\\p{L}\\p{N}']", "").toLowerCase(Locale.ROOT);
    }
}
