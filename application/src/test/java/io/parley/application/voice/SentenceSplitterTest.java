package io.parley.application.voice;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SentenceSplitter: a streamed answer cut into sentences as each one completes. */
class SentenceSplitterTest {

    private final SentenceSplitter splitter = new SentenceSplitter();

    @Test
    void aSentenceEndsOnlyOnceWhiteSpaceFollowsItsTerminal() {
        assertThat(splitter.feed("Hello.")).isEmpty();
        assertThat(splitter.feed(" How")).containsExactly("Hello.");
        assertThat(splitter.rest()).isEqualTo("How");
    }

    @Test
    void everyTerminalEndsASentence() {
        assertThat(splitter.feed("One. Two! Three? Four… Five\n\nSix")).containsExactly("One.", "Two!", "Three?",
                "Four…", "Five");
        assertThat(splitter.rest()).isEqualTo("Six");
    }

    @Test
    void aDeltaThatSplitsTheNextSentenceGivesTheFirstAndKeepsTheStart() {
        assertThat(splitter.feed("Hello. Wor")).containsExactly("Hello.");
        assertThat(splitter.feed("ld!")).isEmpty();
        assertThat(splitter.rest()).isEqualTo("World!");
    }

    @Test
    void sentencesComeOutInOrderWhateverTheDeltas() {
        List<String> sentences = new ArrayList<>();
        for (String delta : List.of("It", " is su", "nny.", " Tomorrow it", " rains! Bring", " a coat.", " Bye")) {
            sentences.addAll(splitter.feed(delta));
        }
        assertThat(sentences).containsExactly("It is sunny.", "Tomorrow it rains!", "Bring a coat.");
        assertThat(splitter.rest()).isEqualTo("Bye");
    }

    @Test
    void decimalsAreNotCut() {
        assertThat(splitter.feed("It costs 3.5 dollars, or 4.")).isEmpty();
        assertThat(splitter.feed("25 euros. Then")).containsExactly("It costs 3.5 dollars, or 4.25 euros.");
    }

    @Test
    void aSingleNewlineBeforeTextIsNoSentenceEnd() {
        assertThat(splitter.feed("Line one\nline two. ")).containsExactly("Line one\nline two.");
    }

    @Test
    void whiteSpaceBeforeTheFirstWordMakesNoEmptySentence() {
        assertThat(splitter.feed("\n\nHello. ")).containsExactly("Hello.");
    }

    @Test
    void aLongRunOnStreamedInIsCutAtASpaceNearLongest() {
        String words = "word ".repeat(60);
        List<String> sentences = new ArrayList<>();
        for (int i = 0; i < words.length(); i += 7) {
            sentences.addAll(splitter.feed(words.substring(i, Math.min(words.length(), i + 7))));
        }
        assertThat(sentences).hasSize(1);
        String first = sentences.get(0);
        assertThat(first.length()).isBetween(SentenceSplitter.LONGEST - 10, SentenceSplitter.LONGEST);
        assertThat(first.split(" ")).containsOnly("word");
        assertThat((first + " " + splitter.rest()).split(" ")).hasSize(60).containsOnly("word");
    }

    @Test
    void aRunOnWithoutSpacesIsCutAtLongest() {
        assertThat(splitter.feed("x".repeat(300))).containsExactly("x".repeat(SentenceSplitter.LONGEST));
        assertThat(splitter.rest()).isEqualTo("x".repeat(300 - SentenceSplitter.LONGEST));
    }

    /** A run-on given whole (a greeting, a scripted reply) is cut at LONGEST even with a terminal further on. */
    @Test
    void aRunOnGivenWholeIsStillCutAtLongest() {
        List<String> sentences = splitter.feed("word ".repeat(60) + "end. Next one. ");
        assertThat(sentences).isNotEmpty();
        assertThat(sentences).allSatisfy(s -> assertThat(s.length()).isLessThanOrEqualTo(SentenceSplitter.LONGEST));
    }

    @Test
    void restIsWhatRemainsStrippedAndEmptiesTheSplitter() {
        assertThat(splitter.feed("Done. And the rest  ")).containsExactly("Done.");
        assertThat(splitter.rest()).isEqualTo("And the rest");
        assertThat(splitter.rest()).isEmpty();
    }

    @Test
    void restOfNothingIsEmpty() {
        assertThat(splitter.rest()).isEmpty();
        assertThat(splitter.feed("   ")).isEmpty();
        assertThat(splitter.rest()).isEmpty();
    }
}
