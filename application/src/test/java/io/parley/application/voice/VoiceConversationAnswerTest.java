package io.parley.application.voice;

import static io.parley.application.voice.VoiceHarness.EARLIER;
import static io.parley.application.voice.VoiceHarness.FORMAT;
import static io.parley.application.voice.VoiceHarness.T0;
import static io.parley.application.voice.VoiceHarness.ms;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import io.parley.application.voice.RecordingVoiceOutput.AgentUnavailable;
import io.parley.application.voice.RecordingVoiceOutput.AnswerDelta;
import io.parley.application.voice.RecordingVoiceOutput.Answered;
import io.parley.application.voice.RecordingVoiceOutput.AudioEnd;
import io.parley.application.voice.RecordingVoiceOutput.AudioStart;
import io.parley.application.voice.RecordingVoiceOutput.Started;
import io.parley.application.voice.RecordingVoiceOutput.Stopped;
import io.parley.application.voice.RecordingVoiceOutput.Transcript;
import io.parley.core.agent.AgentReply;
import io.parley.core.agent.AgentUnavailableException;
import io.parley.core.conversation.Role;
import io.parley.core.conversation.Turn;
import io.parley.core.conversation.TurnMetrics;
import io.parley.core.voice.VoiceTurnTimeline;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** VoiceConversation: the agent answering the user's turn, streamed from the model into synthesis. */
class VoiceConversationAnswerTest {

    private final VoiceHarness h = new VoiceHarness().started();

    @Test
    void transcriptsGoToTheOutputAsTheyCome() {
        h.stt.listener().onTranscript("what is", false);
        h.stt.listener().onTranscript("what is the weather", true);
        assertThat(h.output.signals()).containsExactly(new Started(h.conversation), new Transcript("what is", false),
                new Transcript("what is the weather", true));
    }

    @Test
    void theEndOfTheUsersTurnStoresItAndAsksTheModelWithTheRecentContext() {
        h.clock.advance(Duration.ofSeconds(1));
        h.userSaid("What is the weather like?");
        Turn user = Turn.user("What is the weather like?", T0.plusSeconds(1));
        assertThat(h.stored).containsExactly(user);
        assertThat(h.model.replies).singleElement().satisfies(reply -> {
            assertThat(reply.prompt.agent()).isEqualTo(h.agent);
            assertThat(reply.prompt.userText()).isEqualTo("What is the weather like?");
            assertThat(reply.prompt.context()).containsExactly(EARLIER, user);
        });
    }

    @Test
    void aUserTurnThatCannotBeStoredIsStillAnsweredWithTheRecentContext() {
        doThrow(new IllegalStateException("database down")).when(h.repository).appendTurn(any(), any());
        h.userSaid("Are you there?");
        assertThat(h.model.replies).singleElement().satisfies(reply -> assertThat(reply.prompt.context())
                .extracting(Turn::text).containsExactly(EARLIER.text(), "Are you there?"));
    }

    @Test
    void theModelIsAskedWithoutWaitingForTheUsersTurnToBeStored() {
        List<Runnable> storing = new ArrayList<>();
        VoiceHarness slowStorage = new VoiceHarness();
        slowStorage.storage = storing::add;
        slowStorage.started();
        slowStorage.userSaid("Quick question.");
        assertThat(slowStorage.model.replies).hasSize(1);
        assertThat(slowStorage.stored).isEmpty();
        storing.forEach(Runnable::run);
        assertThat(slowStorage.stored).extracting(Turn::text).containsExactly("Quick question.");
    }

    @Test
    void laterTurnsSeeTheSessionsEarlierTurnsWhichAreReadOnlyOnce() {
        h.userSaid("First?");
        h.modelCompletes("One.", 1);
        h.synthesizedAndFlushed(ms(100));
        h.tick(ms(400));
        h.userSaid("Second?");
        assertThat(h.model.last().prompt.context()).extracting(Turn::text)
                .containsExactly(EARLIER.text(), "First?", "One.", "Second?");
        verify(h.context, times(1)).recent(any());
        verify(h.repository, never()).lastTurns(any(), anyInt());
    }

    @Test
    void aBlankTranscriptIsNoTurn() {
        h.userSaid("   ");
        assertThat(h.stored).isEmpty();
        assertThat(h.model.replies).isEmpty();
    }

    @Test
    void deltasGoToTheOutputAndTheFirstSentenceToSynthesisBeforeTheModelCompletes() {
        h.userSaid("Weather?");
        h.modelWrites("It is sun", "ny today. Tomor");
        assertThat(h.output.all(AnswerDelta.class)).containsExactly(new AnswerDelta("It is sun"),
                new AnswerDelta("ny today. Tomor"));
        assertThat(h.synthesis().calls).containsExactly("speak:It is sunny today.", "flush");
        assertThat(h.output.all(Answered.class)).isEmpty();
    }

    @Test
    void onlyOneFlushIsInFlightAndTheNextPieceFollowsFlushed() {
        h.userSaid("Count.");
        h.modelWrites("One. ", "Two. ", "Three. ");
        assertThat(h.synthesis().calls).containsExactly("speak:One.", "flush");
        h.synthesized(ms(100));
        assertThat(h.synthesis().calls).containsExactly("speak:One.", "flush");

        h.tts.listener().onFlushed();
        assertThat(h.synthesis().calls).containsExactly("speak:One.", "flush", "speak:Two. Three.", "flush");

        h.modelWrites("Four");
        h.modelCompletes("One. Two. Three. Four", 9);
        assertThat(h.synthesis().count("flush")).isEqualTo(2);
        h.synthesizedAndFlushed(ms(100));
        assertThat(h.synthesis().calls).containsExactly("speak:One.", "flush", "speak:Two. Three.", "flush",
                "speak:Four", "flush");
    }

    @Test
    void aFlushedWithNoFlushInFlightIsIgnored() {
        h.userSaid("Count.");
        h.modelWrites("One. ");
        h.tts.listener().onFlushed();
        h.tts.listener().onFlushed();
        h.modelWrites("Two. ", "Three. ");
        assertThat(h.synthesis().spoken()).containsExactly("One.", "Two.");
        h.tts.listener().onFlushed();
        assertThat(h.synthesis().spoken()).containsExactly("One.", "Two.", "Three.");
    }

    @Test
    void completionSendsTheWholeAnswerAndSpeaksWhatRemains() {
        h.userSaid("Weather?");
        h.modelWrites("It is sunny today. Enjoy", " it!");
        h.modelCompletes("It is sunny today. Enjoy it!", 42);
        assertThat(h.output.all(Answered.class)).containsExactly(
                new Answered(h.conversation, "It is sunny today. Enjoy it!", false));
        assertThat(h.tokensSpent).hasValue(42);
        h.synthesizedAndFlushed(ms(100));
        assertThat(h.synthesis().spoken()).containsExactly("It is sunny today.", "Enjoy it!");
    }

    @Test
    void anAnswerSpokenToItsEndIsStoredWholeAfterItsAudioEnds() {
        h.userSaid("Anything?");
        h.modelWrites("Sure. ", "Here it is.");
        h.modelCompletes("Sure. Here it is.", 7);
        h.synthesizedAndFlushed(ms(300));
        h.synthesizedAndFlushed(ms(300));
        assertThat(h.storedAgentTurns()).isEmpty();
        h.tick(ms(400));
        assertThat(h.output.signals()).containsExactly(new Started(h.conversation), new AnswerDelta("Sure. "),
                new AnswerDelta("Here it is."), new Answered(h.conversation, "Sure. Here it is.", false),
                new AudioStart("t1"), new AudioEnd("t1"));
        assertThat(h.output.audioBytes()).isEqualTo(FORMAT.bytesFor(ms(600)));
        assertThat(h.stored).extracting(Turn::role).containsExactly(Role.USER, Role.ASSISTANT);
        assertThat(h.storedAgentTurns()).singleElement().satisfies(turn -> {
            assertThat(turn.text()).isEqualTo("Sure. Here it is.");
            assertThat(turn.tokens()).isEqualTo(7);
            assertThat(turn.interrupted()).isFalse();
        });
    }

    @Test
    void aModelThatOnlyCompletesStillHasEverySentenceSpoken() {
        h.model.whileReplying = reply -> reply.listener.onComplete(
                new AgentReply("First. Second! Third? And a fourth", 0));
        h.userSaid("Hello");
        assertThat(h.output.all(AnswerDelta.class)).isEmpty();
        assertThat(h.output.all(Answered.class)).containsExactly(
                new Answered(h.conversation, "First. Second! Third? And a fourth", false));
        assertThat(h.synthesis().spoken()).containsExactly("First.");
        h.synthesizedAndFlushed(ms(100));
        h.synthesizedAndFlushed(ms(100));
        h.tick(ms(200));
        assertThat(String.join(" ", h.synthesis().spoken())).isEqualTo("First. Second! Third? And a fourth");
        assertThat(h.storedAgentTurns()).extracting(Turn::text).containsExactly("First. Second! Third? And a fourth");
        assertThat(h.output.all(AudioEnd.class)).containsExactly(new AudioEnd("t1"));
    }

    @Test
    void aModelFailureSaysTheAgentIsUnavailableAndTheSessionKeepsListening() {
        h.userSaid("Hi");
        h.model.last().listener.onFailure(new AgentUnavailableException("timeout"));
        assertThat(h.output.signals()).containsExactly(new Started(h.conversation),
                new AgentUnavailable(h.conversation));
        assertThat(h.synthesis().calls).isEmpty();
        assertThat(h.storedAgentTurns()).isEmpty();

        h.userSaid("Hello again");
        h.modelWrites("Hi. ");
        assertThat(h.model.replies).hasSize(2);
        assertThat(h.storedUserTurns()).extracting(Turn::text).containsExactly("Hi", "Hello again");
        assertThat(h.synthesis().spoken()).containsExactly("Hi.");
        assertThat(h.output.all(Stopped.class)).isEmpty();
    }

    @Test
    void noModelForTheAgentsKindSaysTheAgentIsUnavailable() {
        VoiceHarness none = new VoiceHarness();
        none.languageModel = Optional.empty();
        none.started();
        none.userSaid("Hi");
        assertThat(none.output.signals()).containsExactly(new Started(none.conversation),
                new AgentUnavailable(none.conversation));
        assertThat(none.storedUserTurns()).extracting(Turn::text).containsExactly("Hi");
    }

    @Test
    void textWaitsForSynthesisWhileThreeSecondsOfAudioAreStillToBeHeard() {
        h.userSaid("Tell me.");
        h.modelWrites("First sentence. ", "Second sentence. ");
        h.synthesizedAndFlushed(Duration.ofSeconds(5));
        assertThat(h.synthesis().spoken()).containsExactly("First sentence.");
        h.tick(ms(1900));
        assertThat(h.synthesis().spoken()).containsExactly("First sentence.");
        h.tick(ms(200));
        assertThat(h.synthesis().spoken()).containsExactly("First sentence.", "Second sentence.");
    }

    @Test
    void theStoredTurnsMetricsAndTimelineComeFromTheClock() {
        // the user's audio, 20 ms frames arriving every 20 ms from T0; the user stops speaking at 1000 ms of it,
        // in the frame that arrived at T0 + 980 ms
        for (int i = 0; i < 60; i++) {
            h.voice.audio(VoiceHarness.audio(ms(20)));
            h.clock.advance(ms(20));
        }
        h.clock.advance(ms(100));
        h.stt.listener().onEndOfTurn("What time is it?", 1000);
        h.clock.advance(ms(200));
        h.modelWrites("It is noon. ");
        h.clock.advance(ms(150));
        h.synthesized(ms(100));
        h.clock.advance(ms(50));
        h.modelCompletes("It is noon.", 5);
        h.tts.listener().onFlushed();

        assertThat(h.storedAgentTurns()).singleElement().satisfies(turn -> assertThat(turn.metrics()).isEqualTo(
                new TurnMetrics(OptionalLong.of(320), OptionalLong.of(200), OptionalLong.of(150),
                        OptionalLong.of(670))));
        VoiceTurnTimeline timeline = h.timelines.get(0);
        assertThat(h.timelines).hasSize(1);
        assertThat(timeline.turnId()).isEqualTo("t1");
        assertThat(timeline.userSpeechEnded()).contains(T0.plusMillis(980));
        assertThat(timeline.transcribed()).contains(T0.plusMillis(1300));
        assertThat(timeline.modelAsked()).contains(T0.plusMillis(1300));
        assertThat(timeline.modelFirstToken()).contains(T0.plusMillis(1500));
        assertThat(timeline.modelDone()).contains(T0.plusMillis(1700));
        assertThat(timeline.synthesisAsked()).contains(T0.plusMillis(1500));
        assertThat(timeline.synthesisFirstAudio()).contains(T0.plusMillis(1650));
        assertThat(timeline.firstAudioSent()).contains(T0.plusMillis(1650));
        assertThat(timeline.ended()).isEqualTo(T0.plusMillis(1700));
        assertThat(timeline.interrupted()).isFalse();
    }

    @Test
    void tracingGetsOneTimelinePerAgentTurn() {
        VoiceHarness greeted = new VoiceHarness("Hi!").started();
        greeted.synthesizedAndFlushed(ms(100));
        greeted.userSaid("Hello");
        greeted.modelCompletes("Hello to you.", 3);
        greeted.synthesizedAndFlushed(ms(100));
        greeted.userSaid("Bye");
        greeted.modelCompletes("Bye now.", 2);
        greeted.synthesizedAndFlushed(ms(100));
        greeted.tick(ms(200));
        assertThat(greeted.timelines).extracting(VoiceTurnTimeline::turnId).containsExactly("t1", "t2", "t3");
        assertThat(greeted.timelines).extracting(VoiceTurnTimeline::interrupted).containsOnly(false);
        assertThat(greeted.storedAgentTurns()).extracting(Turn::text).containsExactly("Hi!", "Hello to you.",
                "Bye now.");
        assertThat(greeted.stored).extracting(Turn::text).containsExactly("Hi!", "Hello", "Hello to you.", "Bye",
                "Bye now.");
    }

    @Test
    void aNewUsersTurnReplacesAnAnswerStillBeingThought() {
        h.userSaid("First question");
        FakeLanguageModel.Reply first = h.model.last();
        h.userSaid("Second question");
        assertThat(first.cancelled()).isTrue();
        first.listener.onDelta("Late answer. ");
        first.listener.onComplete(new AgentReply("Late answer.", 4));
        assertThat(h.output.all(AnswerDelta.class)).isEmpty();
        assertThat(h.output.all(Answered.class)).allSatisfy(a -> assertThat(a.text()).isNotEqualTo("Late answer."));
        assertThat(h.synthesis().calls).isEmpty();
        assertThat(h.model.replies).hasSize(2);
        assertThat(h.model.last().prompt.userText()).isEqualTo("Second question");
        assertThat(List.copyOf(h.storedUserTurns())).extracting(Turn::text)
                .containsExactly("First question", "Second question");
    }

    @Test
    void anAnswerThatEndsTheCallStopsTheSessionOnceItIsSpoken() {
        h.userSaid("Goodbye.");
        h.model.last().listener.onComplete(new AgentReply("Bye now.", 0, false, true));
        h.synthesizedAndFlushed(ms(300));
        assertThat(h.output.all(Stopped.class)).as("not before the goodbye is heard").isEmpty();
        h.tick(ms(400));
        assertThat(h.output.all(Stopped.class)).containsExactly(new Stopped("agent_ended"));
        assertThat(h.storedAgentTurns()).extracting(Turn::text).containsExactly("Bye now.");
        assertThat(h.timerRunning()).isFalse();
    }
}
