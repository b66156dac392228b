package io.parley.application.voice;

import static io.parley.application.voice.VoiceHarness.ms;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.parley.application.voice.RecordingVoiceOutput.AnswerDelta;
import io.parley.application.voice.RecordingVoiceOutput.Answered;
import io.parley.application.voice.RecordingVoiceOutput.AudioClear;
import io.parley.application.voice.RecordingVoiceOutput.AudioEnd;
import io.parley.application.voice.RecordingVoiceOutput.AudioStart;
import io.parley.application.voice.RecordingVoiceOutput.Event;
import io.parley.application.voice.RecordingVoiceOutput.Stopped;
import io.parley.application.voice.RecordingVoiceOutput.Transcript;
import io.parley.core.agent.AgentReply;
import io.parley.core.conversation.Role;
import io.parley.core.conversation.Turn;
import io.parley.core.voice.VoiceTurnTimeline;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** VoiceConversation: the user speaking over the agent stops it at once, and the turn is stored as heard. */
class VoiceConversationBargeInTest {

    /** 40 characters; its synthesized audio here lasts 2 s. */
    private static final String ANSWER = "one two three four five six seven eight.";

    private final VoiceHarness h = new VoiceHarness().started();

    @Test
    void speechStartingWhileTheModelStreamsStopsTheAgentAtOnce() {
        agentSpeaking();
        h.tick(ms(1000));
        h.stt.listener().onSpeechStarted();

        assertThat(h.model.last().cancelled()).isTrue();
        assertThat(h.synthesis().calls).containsExactly("speak:" + ANSWER, "flush", "clear");
        assertThat(lastSignal()).isEqualTo(new AudioClear("t1"));
        long sent = h.output.audioBytes();
        h.tick(ms(1000));
        assertThat(h.output.audioBytes()).isEqualTo(sent);
        assertThat(h.storedAgentTurns()).isEmpty();
    }

    @Test
    void aNonEmptyInterimTranscriptStopsTheAgentToo() {
        agentSpeaking();
        h.tick(ms(500));
        h.stt.listener().onTranscript("wait", false);

        assertThat(h.model.last().cancelled()).isTrue();
        assertThat(h.synthesis().calls).endsWith("clear");
        List<Event> signals = h.output.signals();
        assertThat(signals.subList(signals.size() - 2, signals.size())).containsExactly(
                new Transcript("wait", false), new AudioClear("t1"));
    }

    @Test
    void emptyInterimTranscriptsDoNotStopTheAgent() {
        agentSpeaking();
        h.stt.listener().onTranscript("", false);
        h.stt.listener().onTranscript("   ", false);
        h.stt.listener().onTranscript("", true);

        assertThat(h.model.last().cancelled()).isFalse();
        assertThat(h.synthesis().calls).doesNotContain("clear");
        assertThat(h.output.all(AudioClear.class)).isEmpty();
        h.modelCompletes(ANSWER, 4);
        h.tts.listener().onFlushed();
        h.tick(ms(2000));
        assertThat(h.output.all(AudioEnd.class)).containsExactly(new AudioEnd("t1"));
        assertThat(h.storedAgentTurns()).singleElement().satisfies(turn -> {
            assertThat(turn.text()).isEqualTo(ANSWER);
            assertThat(turn.interrupted()).isFalse();
        });
    }

    @Test
    void synthesisIsNotClearedWhenItHasDeliveredEverything() {
        agentSpeaking();
        h.tts.listener().onFlushed();
        h.tick(ms(500));
        h.stt.listener().onSpeechStarted();

        assertThat(h.model.last().cancelled()).isTrue();
        assertThat(h.synthesis().calls).doesNotContain("clear");
        assertThat(lastSignal()).isEqualTo(new AudioClear("t1"));
    }

    @Test
    void anAnswerStoppedBeforeItsAudioStartedClearsNoAudio() {
        h.userSaid("Tell me something.");
        h.modelWrites("one two ");
        h.stt.listener().onSpeechStarted();

        assertThat(h.model.last().cancelled()).isTrue();
        assertThat(h.synthesis().calls).isEmpty();
        assertThat(h.output.all(AudioClear.class)).isEmpty();
        h.userSaid("Never mind.");
        assertThat(h.storedAgentTurns()).isEmpty();
        assertThat(h.model.replies).hasSize(2);
    }

    @Test
    void anAnswerStoppedWhileSynthesisStillWorksOnItsFirstPieceClearsSynthesis() {
        h.userSaid("Tell me something.");
        h.modelWrites(ANSWER + " ");
        h.stt.listener().onSpeechStarted();

        assertThat(h.synthesis().calls).containsExactly("speak:" + ANSWER, "flush", "clear");
        assertThat(h.output.all(AudioClear.class)).isEmpty();
    }

    @Test
    void theClientsAudioPlayedStoresTheTurnAsThatMuchHeard() {
        agentSpeaking();
        h.tick(ms(1000));
        h.stt.listener().onSpeechStarted();
        assertThat(h.output.all(Answered.class)).isEmpty();

        h.voice.played("t1", ms(500));

        // 500 ms of a piece still being synthesized (2.67 s at the usual pace): 7 of its 40 characters
        assertThat(h.output.all(Answered.class)).containsExactly(new Answered(h.conversation, "one two", true));
        assertThat(h.storedAgentTurns()).singleElement().satisfies(turn -> {
            assertThat(turn.text()).isEqualTo("one two");
            assertThat(turn.interrupted()).isTrue();
        });
        assertThat(h.timelines).singleElement().satisfies(timeline -> {
            assertThat(timeline.turnId()).isEqualTo("t1");
            assertThat(timeline.interrupted()).isTrue();
        });
    }

    @Test
    void withoutWordFromTheClientTheTurnIsStoredAsHeardByTheServerAtTheNextUsersTurn() {
        agentSpeaking();
        h.tts.listener().onFlushed();
        h.modelCompletes(ANSWER, 4);
        h.tick(ms(1000));
        h.stt.listener().onSpeechStarted();
        assertThat(h.storedAgentTurns()).isEmpty();

        h.userSaid("Stop please.");

        // 1 s of the piece's 2 s: 20 of its 40 characters
        assertThat(h.stored).extracting(Turn::role, Turn::text).containsExactly(
                tuple(Role.USER, "Tell me something."),
                tuple(Role.ASSISTANT, "one two three four"),
                tuple(Role.USER, "Stop please."));
        Turn cut = h.storedAgentTurns().get(0);
        assertThat(cut.interrupted()).isTrue();
        assertThat(cut.tokens()).isEqualTo(4);
        assertThat(h.timelines).extracting(VoiceTurnTimeline::interrupted).containsExactly(true);
    }

    @Test
    void audioPlayedCutsTheStoredTextToWhatTheClientPlayed() {
        agentSpeaking();
        h.tts.listener().onFlushed();
        h.tick(ms(1000));
        h.stt.listener().onSpeechStarted();
        h.voice.played("t1", ms(500));
        // 500 ms of the piece's 2 s: 10 of its 40 characters
        assertThat(h.storedAgentTurns()).extracting(Turn::text).containsExactly("one two");
        h.userSaid("Go on.");
        assertThat(h.storedAgentTurns()).hasSize(1);
    }

    @Test
    void audioPlayedOfAnotherTurnIsIgnored() {
        agentSpeaking();
        h.tts.listener().onFlushed();
        h.tick(ms(1000));
        h.stt.listener().onSpeechStarted();
        h.voice.played("t7", ms(500));
        assertThat(h.storedAgentTurns()).isEmpty();
        h.voice.stop("stopped");
        assertThat(h.storedAgentTurns()).extracting(Turn::text).containsExactly("one two three four");
    }

    @Test
    void theNextAnswerIsSpokenOnlyOnceSynthesisConfirmedTheClear() {
        agentSpeaking();
        h.stt.listener().onSpeechStarted();
        h.userSaid("New question?");
        h.modelWrites("New answer. ");
        assertThat(h.synthesis().spoken()).containsExactly(ANSWER);

        long sent = h.output.audioBytes();
        h.synthesized(ms(500));
        h.tts.listener().onFlushed();
        assertThat(h.output.audioBytes()).as("audio of the cleared text is dropped").isEqualTo(sent);
        assertThat(h.output.all(AudioStart.class)).containsExactly(new AudioStart("t1"));

        h.tts.listener().onCleared();
        assertThat(h.synthesis().spoken()).containsExactly(ANSWER, "New answer.");
        h.synthesized(ms(100));
        assertThat(h.output.all(AudioStart.class)).containsExactly(new AudioStart("t1"), new AudioStart("t2"));
    }

    @Test
    void aClearNeverConfirmedIsTakenAsDoneAfterTwoSeconds() {
        agentSpeaking();
        h.stt.listener().onSpeechStarted();
        h.userSaid("New question?");
        h.modelWrites("New answer. ");
        h.tick(ms(1980));
        assertThat(h.synthesis().spoken()).containsExactly(ANSWER);
        h.tick(ms(40));
        assertThat(h.synthesis().spoken()).containsExactly(ANSWER, "New answer.");
    }

    @Test
    void whatTheModelWritesAfterTheInterruptionIsIgnored() {
        agentSpeaking();
        FakeLanguageModel.Reply stopped = h.model.last();
        h.stt.listener().onSpeechStarted();
        int deltas = h.output.all(AnswerDelta.class).size();

        stopped.listener.onDelta("More words. ");
        stopped.listener.onComplete(new AgentReply(ANSWER + " More words.", 9));

        assertThat(h.output.all(AnswerDelta.class)).hasSize(deltas);
        assertThat(h.output.all(Answered.class)).isEmpty();
        assertThat(h.synthesis().spoken()).containsExactly(ANSWER);
        assertThat(h.tokensSpent).hasValue(0);
    }

    @Test
    void theGreetingCanBeInterruptedToo() {
        VoiceHarness greeted = new VoiceHarness("Welcome to the shop. What would you like today?").started();
        greeted.synthesizedAndFlushed(Duration.ofSeconds(2));
        greeted.tick(ms(1000));
        greeted.stt.listener().onSpeechStarted();
        assertThat(greeted.synthesis().calls).containsExactly("speak:Welcome to the shop.", "flush",
                "speak:What would you like today?", "flush", "clear");
        assertThat(greeted.output.all(AudioClear.class)).containsExactly(new AudioClear("t1"));
        greeted.userSaid("Bread.");
        // 1 s of the first piece's 2 s: 10 of its 20 characters
        assertThat(greeted.storedAgentTurns()).singleElement().satisfies(turn -> {
            assertThat(turn.text()).isEqualTo("Welcome to");
            assertThat(turn.interrupted()).isTrue();
        });
    }

    @Test
    void stoppingWhileTheAgentSpeaksStoresWhatWasHeardBeforeSayingStopped() {
        agentSpeaking();
        h.tick(ms(1000));
        h.voice.stop("stopped");

        assertThat(h.model.last().cancelled()).isTrue();
        assertThat(h.synthesis().calls).containsExactly("speak:" + ANSWER, "flush", "clear", "close");
        List<Event> signals = h.output.signals();
        // 1 s of a piece still being synthesized (2.67 s at the usual pace): 15 of its 40 characters
        assertThat(signals.subList(signals.size() - 3, signals.size())).containsExactly(new AudioClear("t1"),
                new Answered(h.conversation, "one two three", true), new Stopped("stopped"));
        assertThat(h.storedAgentTurns()).singleElement().satisfies(turn -> {
            assertThat(turn.text()).isEqualTo("one two three");
            assertThat(turn.interrupted()).isTrue();
        });
    }

    @Test
    void halfASecondIntoAnAnswerOnlyItsFirstWordsWereHeard() {
        agentSpeaking();
        h.tick(ms(500));
        h.stt.listener().onSpeechStarted();
        h.userSaid("Wait.");
        // 500 ms of a piece still being synthesized (2.67 s at the usual pace): 7 of its 40 characters
        assertThat(h.output.all(Answered.class)).containsExactly(new Answered(h.conversation, "one two", true));
    }

    /** Audio of earlier turns spoken to their end (here a 3 s greeting) is not counted as heard of the interrupted one. */
    @Test
    void whatWasHeardOfAnInterruptedAnswerLeavesOutEarlierTurnsAudio() {
        VoiceHarness greeted = new VoiceHarness("Hello there! How can I help you today?").started();
        greeted.synthesizedAndFlushed(ms(1500));
        greeted.synthesizedAndFlushed(ms(1500));
        greeted.tick(ms(3000));
        assertThat(greeted.output.all(AudioEnd.class)).containsExactly(new AudioEnd("t1"));

        greeted.userSaid("Tell me something.");
        greeted.modelWrites(ANSWER + " ");
        greeted.synthesized(Duration.ofSeconds(2));
        greeted.tick(ms(500));
        greeted.stt.listener().onSpeechStarted();
        greeted.userSaid("Wait.");

        // as in halfASecondIntoAnAnswerOnlyItsFirstWordsWereHeard, without a greeting before it
        assertThat(greeted.output.all(Answered.class)).last()
                .isEqualTo(new Answered(greeted.conversation, "one two", true));
        assertThat(greeted.storedAgentTurns()).extracting(Turn::text)
                .containsExactly("Hello there! How can I help you today?", "one two");
    }

    /** The user asked; the model wrote one sentence, which synthesis has begun to deliver: 2 s of audio. */
    private void agentSpeaking() {
        h.userSaid("Tell me something.");
        h.modelWrites(ANSWER.substring(0, 10), ANSWER.substring(10) + " ");
        h.synthesized(Duration.ofSeconds(2));
        assertThat(h.output.all(AudioStart.class)).containsExactly(new AudioStart("t1"));
    }

    private Event lastSignal() {
        List<Event> signals = h.output.signals();
        return signals.get(signals.size() - 1);
    }
}
