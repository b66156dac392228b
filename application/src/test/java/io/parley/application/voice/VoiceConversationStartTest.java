package io.parley.application.voice;

import static io.parley.application.voice.VoiceHarness.FORMAT;
import static io.parley.application.voice.VoiceHarness.T0;
import static io.parley.application.voice.VoiceHarness.audio;
import static io.parley.application.voice.VoiceHarness.ms;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.parley.application.voice.RecordingVoiceOutput.Answered;
import io.parley.application.voice.RecordingVoiceOutput.AudioEnd;
import io.parley.application.voice.RecordingVoiceOutput.AudioStart;
import io.parley.application.voice.RecordingVoiceOutput.Started;
import io.parley.application.voice.RecordingVoiceOutput.Stopped;
import io.parley.application.voice.RecordingVoiceOutput.Unavailable;
import io.parley.core.agent.AgentReply;
import io.parley.core.conversation.Role;
import io.parley.core.conversation.Turn;
import io.parley.core.voice.SpeechListener;
import io.parley.core.voice.SynthesisListener;
import java.time.Duration;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** VoiceConversation: opening, the start once both providers are ready, the greeting, failures and stop. */
class VoiceConversationStartTest {

    private static final String GREETING = "Hello there! How can I help you today?";

    @Test
    void opensRecognitionAndSynthesisInTheSessionsFormatAndLanguageAndTicksEveryFrame() {
        VoiceHarness h = new VoiceHarness().open();
        assertThat(h.stt.format).isEqualTo(FORMAT);
        assertThat(h.stt.language).contains("en");
        assertThat(h.tts.format).isEqualTo(FORMAT);
        assertThat(h.tickPeriod).isEqualTo(Duration.ofMillis(20));
        assertThat(h.output.events()).isEmpty();
    }

    @Test
    void startsOnlyOnceRecognitionAndSynthesisAreBothReady() {
        VoiceHarness h = new VoiceHarness(GREETING).open();
        h.stt.listener().onReady();
        assertThat(h.output.events()).isEmpty();
        assertThat(h.synthesis().calls).isEmpty();
        h.tts.listener().onReady();
        assertThat(h.output.signals().get(0)).isEqualTo(new Started(h.conversation));
        assertThat(h.output.all(Started.class)).hasSize(1);
    }

    @Test
    void startsWhicheverProviderIsReadyFirst() {
        VoiceHarness h = new VoiceHarness().open();
        h.tts.listener().onReady();
        assertThat(h.output.events()).isEmpty();
        h.stt.listener().onReady();
        assertThat(h.output.signals()).containsExactly(new Started(h.conversation));
    }

    @Test
    void aSecondReadyDoesNotStartAgain() {
        VoiceHarness h = new VoiceHarness(GREETING).started();
        h.stt.listener().onReady();
        h.tts.listener().onReady();
        assertThat(h.output.all(Started.class)).hasSize(1);
        assertThat(h.synthesis().count("flush")).isEqualTo(1);
    }

    @Test
    void withoutAGreetingTheSessionStartsSilently() {
        VoiceHarness h = new VoiceHarness().started();
        assertThat(h.output.signals()).containsExactly(new Started(h.conversation));
        assertThat(h.synthesis().calls).isEmpty();
    }

    @Test
    void theGreetingIsSpokenFirstItsFirstSentenceAtOnce() {
        VoiceHarness h = new VoiceHarness(GREETING).started();
        assertThat(h.output.signals()).containsExactly(new Started(h.conversation),
                new Answered(h.conversation, GREETING, false));
        assertThat(h.synthesis().calls).containsExactly("speak:Hello there!", "flush");
    }

    @Test
    void theGreetingsNextSentenceGoesToSynthesisOnceTheFirstIsFlushed() {
        VoiceHarness h = new VoiceHarness(GREETING).started();
        h.synthesized(ms(400));
        assertThat(h.synthesis().spoken()).containsExactly("Hello there!");
        h.tts.listener().onFlushed();
        assertThat(h.synthesis().calls).containsExactly("speak:Hello there!", "flush",
                "speak:How can I help you today?", "flush");
    }

    @Test
    void theGreetingsAudioGoesOutBetweenAudioStartAndAudioEnd() {
        VoiceHarness h = new VoiceHarness(GREETING).started();
        h.synthesizedAndFlushed(ms(400));
        h.synthesizedAndFlushed(ms(300));
        assertThat(h.output.signals()).containsExactly(new Started(h.conversation),
                new Answered(h.conversation, GREETING, false), new AudioStart("t1"));
        assertThat(h.output.audioBytes()).isEqualTo(FORMAT.bytesFor(Playout.LEAD));

        h.tick(ms(480));
        assertThat(h.output.all(AudioEnd.class)).isEmpty();
        h.tick(ms(20));

        assertThat(h.output.signals()).containsExactly(new Started(h.conversation),
                new Answered(h.conversation, GREETING, false), new AudioStart("t1"), new AudioEnd("t1"));
        assertThat(h.output.audioBytes()).isEqualTo(FORMAT.bytesFor(ms(700)));
        assertThat(h.output.events().get(h.output.size() - 1)).isEqualTo(new AudioEnd("t1"));
    }

    @Test
    void theGreetingIsStoredAsTheAgentsTurnOnceAllItsAudioWasSent() {
        VoiceHarness h = new VoiceHarness(GREETING).started();
        h.synthesizedAndFlushed(ms(400));
        h.synthesizedAndFlushed(ms(300));
        assertThat(h.stored).isEmpty();
        h.tick(ms(500));
        assertThat(h.stored).singleElement().satisfies(turn -> {
            assertThat(turn.role()).isEqualTo(Role.ASSISTANT);
            assertThat(turn.text()).isEqualTo(GREETING);
            assertThat(turn.interrupted()).isFalse();
            assertThat(turn.tokens()).isZero();
            assertThat(turn.at()).isEqualTo(T0.plusMillis(500));
        });
    }

    @Test
    void theGreetingsMetricsHaveOnlyItsSynthesisLatency() {
        VoiceHarness h = new VoiceHarness(GREETING).started();
        h.clock.advance(ms(150));
        h.synthesizedAndFlushed(ms(100));
        h.synthesizedAndFlushed(ms(100));
        h.tick(ms(200));
        Turn greeting = h.storedAgentTurns().get(0);
        assertThat(greeting.metrics().ttsFirstByteMs()).isEqualTo(OptionalLong.of(150));
        assertThat(greeting.metrics().sttLatencyMs()).isEmpty();
        assertThat(greeting.metrics().llmFirstTokenMs()).isEmpty();
        assertThat(greeting.metrics().userToBotMs()).isEmpty();
        assertThat(h.timelines).singleElement().satisfies(timeline -> {
            assertThat(timeline.turnId()).isEqualTo("t1");
            assertThat(timeline.conversation()).isEqualTo(h.conversation);
            assertThat(timeline.userSpeechEnded()).isEmpty();
            assertThat(timeline.transcribed()).isEmpty();
            assertThat(timeline.modelAsked()).isEmpty();
            assertThat(timeline.synthesisAsked()).contains(T0);
            assertThat(timeline.synthesisFirstAudio()).contains(T0.plusMillis(150));
            assertThat(timeline.firstAudioSent()).contains(T0.plusMillis(150));
            assertThat(timeline.interrupted()).isFalse();
        });
    }

    @Test
    void recognitionFailingBeforeItIsReadyMakesTheSessionUnavailable() {
        VoiceHarness h = new VoiceHarness(GREETING).open();
        h.tts.listener().onReady();
        h.stt.listener().onFailure("invalid api key");
        assertThat(h.output.events()).containsExactly(new Unavailable("invalid api key"));
        assertThat(h.stt.stream().closes).isEqualTo(1);
        assertThat(h.synthesis().closed()).isTrue();
        assertThat(h.timerRunning()).isFalse();
        assertThat(h.ends).hasValue(1);
    }

    @Test
    void synthesisFailingBeforeItIsReadyMakesTheSessionUnavailable() {
        VoiceHarness h = new VoiceHarness(GREETING).open();
        h.stt.listener().onReady();
        h.tts.listener().onFailure("voice not found");
        h.tts.listener().onReady();
        assertThat(h.output.events()).containsExactly(new Unavailable("voice not found"));
        assertThat(h.stt.stream().closes).isEqualTo(1);
        assertThat(h.synthesis().closed()).isTrue();
        assertThat(h.ends).hasValue(1);
    }

    @Test
    void synthesisFailingOnceStartedIsOpenedAgainAndTheSessionGoesOn() {
        VoiceHarness h = new VoiceHarness().started();
        FakeTextToSpeech.Synthesis broken = h.synthesis();
        h.tts.listener().onFailure("connection lost");
        assertThat(broken.closed()).isTrue();
        assertThat(h.tts.opened).hasSize(2);
        assertThat(h.synthesis().closed()).isFalse();
        assertThat(h.output.signals()).containsExactly(new Started(h.conversation));
        assertThat(h.timerRunning()).isTrue();
    }

    @Test
    void synthesisFailingAgainSoonAfterStopsTheSessionSayingWhy() {
        VoiceHarness h = new VoiceHarness().started();
        h.tts.listener().onFailure("connection lost");
        h.tts.listener().onReady();
        h.tts.listener().onFailure("connection lost");
        assertThat(h.output.signals()).containsExactly(new Started(h.conversation),
                new Stopped("failed: connection lost"));
        assertThat(h.stt.stream().closes).isEqualTo(1);
        assertThat(h.synthesis().closed()).isTrue();
        assertThat(h.timerRunning()).isFalse();
        assertThat(h.ends).hasValue(1);
    }

    @Test
    void stopClosesRecognitionAndSynthesisAndSaysStoppedOnce() {
        VoiceHarness h = new VoiceHarness().started();
        h.voice.stop("stopped");
        h.voice.stop("closed");
        h.stt.listener().onFailure("socket closed");
        assertThat(h.output.signals()).containsExactly(new Started(h.conversation), new Stopped("stopped"));
        assertThat(h.stt.stream().closes).isEqualTo(1);
        assertThat(h.synthesis().count("close")).isEqualTo(1);
        assertThat(h.timerRunning()).isFalse();
        assertThat(h.ends).hasValue(1);
    }

    @Test
    void nothingReachesTheOutputOnceStopped() {
        VoiceHarness h = new VoiceHarness().started();
        h.userSaid("Tell me a story.");
        h.modelWrites("Once upon a time. ");
        h.synthesized(ms(500));
        h.voice.stop("stopped");
        int sent = h.output.size();
        int audioSent = h.stt.stream().sent.size();
        int stored = h.stored.size();
        assertThat(h.output.events().get(sent - 1)).isEqualTo(new Stopped("stopped"));

        h.voice.audio(audio(ms(20)));
        h.voice.played("t1", Duration.ofSeconds(1));
        h.stt.listener().onSpeechStarted();
        h.stt.listener().onTranscript("and then", false);
        h.stt.listener().onTranscript("and then", true);
        h.stt.listener().onEndOfTurn("and then", 0);
        h.stt.listener().onReady();
        h.tts.listener().onAudio(audio(ms(500)));
        h.tts.listener().onFlushed();
        h.tts.listener().onCleared();
        h.tts.listener().onFailure("late");
        h.modelWrites("There was a dragon. ");
        h.model.last().listener.onComplete(new AgentReply("Once upon a time. There was a dragon.", 9));
        h.tick(ms(1000));

        assertThat(h.output.size()).isEqualTo(sent);
        assertThat(h.stt.stream().sent).hasSize(audioSent);
        assertThat(h.model.replies).hasSize(1);
        assertThat(h.stored).hasSize(stored);
        assertThat(h.synthesis().spoken()).containsExactly("Once upon a time.");
    }

    /** Recognition failing inside stt.open (a provider refusing at once) leaves no synthesis stream open. */
    @Test
    void recognitionFailingWhileOpeningLeavesNoSynthesisOpen() {
        VoiceHarness h = new VoiceHarness(GREETING);
        h.stt.whileOpening = listener -> listener.onFailure("refused");
        h.open();
        assertThat(h.output.events()).containsExactly(new Unavailable("refused"));
        assertThat(h.ends).hasValue(1);
        assertThat(h.tts.opened).as("synthesis streams opened and never closed")
                .allSatisfy(synthesis -> assertThat(synthesis.closed()).isTrue());
    }

    /** Recognition failing inside stt.open leaves no 20 ms timer ticking for nothing. */
    @Test
    void recognitionFailingWhileOpeningLeavesNoTimerRunning() {
        VoiceHarness h = new VoiceHarness(GREETING);
        h.stt.whileOpening = listener -> listener.onFailure("refused");
        h.open();
        assertThat(h.timerRunning()).as("the session's timer still runs").isFalse();
    }

    /** Providers saying they are ready inside open (before it returns) still get the greeting spoken. */
    @Test
    void providersReadyWhileOpeningStillGreet() {
        VoiceHarness h = new VoiceHarness(GREETING);
        h.stt.whileOpening = SpeechListener::onReady;
        h.tts.whileOpening = SynthesisListener::onReady;
        assertThatCode(h::open).doesNotThrowAnyException();
        assertThat(h.output.signals()).startsWith(new Started(h.conversation),
                new Answered(h.conversation, GREETING, false));
        assertThat(h.synthesis().calls).containsExactly("speak:Hello there!", "flush");
    }
}
