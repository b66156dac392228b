package io.parley.application.voice;

import io.parley.application.conversation.LiveConversation;
import io.parley.core.agent.Agent;
import io.parley.core.agent.AgentPrompt;
import io.parley.core.agent.AgentReply;
import io.parley.core.agent.AgentUnavailableException;
import io.parley.core.agent.ReplyListener;
import io.parley.core.conversation.ConversationId;
import io.parley.core.conversation.Turn;
import io.parley.core.port.out.LanguageModel;
import io.parley.core.port.out.SpeechToText;
import io.parley.core.port.out.TextToSpeech;
import io.parley.core.port.out.Ticker;
import io.parley.core.port.out.TurnTracing;
import io.parley.core.port.out.VoiceOutput;
import io.parley.core.voice.AudioFormat;
import io.parley.core.voice.SpeechListener;
import io.parley.core.voice.SpeechStream;
import io.parley.core.voice.SpeechSynthesis;
import io.parley.core.voice.SynthesisListener;
import io.parley.core.voice.VoiceSession;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.LongConsumer;

/**
 * One voice conversation: the user's audio goes to speech recognition; at the end of each of the user's
 * turns the agent answers (streamed from the model, sentence by sentence into speech synthesis, whose
 * audio goes back at the pace it plays); the user speaking over the agent stops it at once (barge-in)
 * and the turn is stored as what was heard. Nothing here blocks; storage runs on a worker, in order.
 * All state is guarded by this object: recognition, synthesis, the model and the clock call in on their
 * own threads.
 */
public final class VoiceConversation implements VoiceSession {

    /** Silence after the user's last audio that ends a turn recognition has not ended (push-to-talk). */
    static final Duration SILENCE_ENDS_TURN = Duration.ofMillis(700);
    /** A synthesis stream that fails is opened again, but not twice within this. */
    static final Duration SYNTHESIS_REOPEN_EVERY = Duration.ofSeconds(10);
    private static final System.Logger LOG = System.getLogger(VoiceConversation.class.getName());

    private final VoiceOutput output;
    private final Agent agent;
    private final ConversationId conversation;
    private final LiveConversation context;
    private final AudioFormat format;
    private final Optional<LanguageModel> model;
    private final TurnTracing tracing;
    private final Executor storage;
    private final Clock clock;
    private final LongConsumer spent;
    private final Runnable onEnd;
    private final MediaClock media;
    private final AgentSpeech speech;
    private SpeechStream recognition;
    private SpeechSynthesis synthesis;
    private Synthesis synthesisListener;
    private TextToSpeech tts;
    private Instant synthesisReopened;
    private Ticker.Ticking ticks;
    private boolean opened;
    private boolean recognitionReady;
    private boolean synthesisReady;
    private boolean started;
    private boolean stopped;
    private boolean userHeard;
    private boolean finalizing;
    private Instant lastAudio;
    private AgentTurn interrupted;
    private int turnCount;

    VoiceConversation(VoiceOutput output, Agent agent, LiveConversation context, AudioFormat format,
            Optional<LanguageModel> model, TurnTracing tracing, Executor blocking, Clock clock, LongConsumer spent,
            Runnable onEnd) {
        this.output = output;
        this.agent = agent;
        this.conversation = context.id();
        this.context = context;
        this.format = format;
        this.model = model;
        this.tracing = tracing;
        this.storage = new InOrder(blocking);
        this.clock = clock;
        this.spent = spent;
        this.onEnd = onEnd;
        this.media = new MediaClock(format);
        this.speech = new AgentSpeech(format, output, this::spokenToEnd);
    }

    /**
     * Connects recognition and synthesis, and starts the clock that paces the agent's audio; {@code started}
     * and the greeting follow once both are ready.
     */
    synchronized void open(SpeechToText stt, TextToSpeech tts, Optional<String> language,
            Ticker ticker) {
        recognition = stt.open(format, language, new Recognition());
        if (stopped) {
            return;
        }
        this.tts = tts;
        try {
            synthesisListener = new Synthesis();
            synthesis = tts.open(format, synthesisListener);
        } catch (RuntimeException e) {
            recognition.close();
            throw e;
        }
        speech.connect(synthesis);
        if (stopped) {
            synthesis.close();
            return;
        }
        ticks = ticker.every(Playout.FRAME, this::tick);
        opened = true;
        ready();
    }

    @Override
    public synchronized void audio(byte[] audio) {
        if (stopped) {
            return;
        }
        Instant now = clock.instant();
        media.received(audio.length, now);
        lastAudio = now;
        finalizing = false;
        recognition.send(audio);
    }

    @Override
    public void keyPressed(String digit) {
        endOfUserTurn("[DTMF " + digit + "]", Long.MAX_VALUE);
    }

    @Override
    public synchronized void played(String turnId, Duration heard) {
        if (interrupted != null && interrupted.id.equals(turnId)) {
            interrupted.heard = heard;
            storeInterrupted();
        }
    }

    @Override
    public synchronized void stop(String reason) {
        if (stopped) {
            return;
        }
        end();
        output.stopped(reason);
    }

    /** Stops everything: the agent's turn in progress is stored as heard so far. */
    private void end() {
        interrupt();
        storeInterrupted();
        stopped = true;
        if (ticks != null) {
            ticks.stop();
        }
        if (recognition != null) {
            recognition.close();
        }
        if (synthesis != null) {
            synthesis.close();
        }
        onEnd.run();
    }

    private synchronized void ready() {
        if (!opened || started || stopped || !recognitionReady || !synthesisReady) {
            return;
        }
        started = true;
        output.started(conversation);
        if (!agent.greeting().isBlank()) {
            greet();
        }
    }

    /** The agent speaks first: its greeting is the session's first turn. */
    private void greet() {
        Instant now = clock.instant();
        AgentTurn greeting = new AgentTurn(nextTurnId(), format, Optional.empty(), Optional.empty());
        greeting.text.append(agent.greeting());
        greeting.modelCompleted(now, 0);
        greeting.answered = true;
        speech.begin(greeting);
        output.answered(conversation, agent.greeting(), false);
        greeting.sentences.feed(agent.greeting()).forEach(sentence -> speech.say(sentence, now));
        speech.say(greeting.sentences.rest(), now);
        speech.advance(now);
    }

    private synchronized void failed(String reason) {
        if (stopped) {
            return;
        }
        end();
        if (started) {
            output.stopped("failed: " + reason);
        } else {
            output.unavailable(reason);
        }
    }

    /**
     * Synthesis failed. Before the session started, or again within {@link #SYNTHESIS_REOPEN_EVERY}, the
     * session fails; else the agent's turn in progress is cut where it was heard, and a new synthesis
     * stream replaces the broken one, so that the conversation goes on.
     */
    private synchronized void synthesisFailed(Synthesis from, String reason) {
        if (stopped || from != synthesisListener) {
            return;
        }
        Instant now = clock.instant();
        if (!started || synthesisReopened != null
                && Duration.between(synthesisReopened, now).compareTo(SYNTHESIS_REOPEN_EVERY) < 0) {
            failed(reason);
            return;
        }
        LOG.log(Level.WARNING, "speech synthesis failed in voice conversation {0} ({1}); opening it again",
                conversation, reason);
        synthesisReopened = now;
        interrupt();
        storeInterrupted();
        synthesis.close();
        synthesisListener = new Synthesis();
        synthesis = tts.open(format, synthesisListener);
        speech.connect(synthesis);
    }

    /** The agent's turn in progress, if any (being thought, or spoken), stops at once: the user has the floor. */
    private void interrupt() {
        AgentTurn turn = speech.current();
        if (turn == null) {
            return;
        }
        turn.reply.cancel();
        Instant now = clock.instant();
        turn.interruptedAt = now;
        turn.heard = speech.interrupt(now);
        storeInterrupted();
        interrupted = turn;
    }

    /**
     * Stores the turn last interrupted, as heard. It waits for the client's audio.played (or the next turn,
     * or the end of the session), which may say exactly how much was heard.
     */
    private void storeInterrupted() {
        AgentTurn turn = interrupted;
        interrupted = null;
        if (turn == null) {
            return;
        }
        String heard = turn.heardText();
        if (!turn.answered) {
            turn.answered = true;
            output.answered(conversation, heard, true);
        }
        store(turn, heard, true);
    }

    /**
     * The user's turn ended: the agent is asked at once, with the context kept in memory; the user's turn
     * is stored meanwhile, off this thread, before the agent's.
     */
    private synchronized void endOfUserTurn(String transcript, long speechEndedAtMs) {
        userHeard = false;
        finalizing = false;
        if (stopped || transcript.isBlank()) {
            return;
        }
        interrupt();
        storeInterrupted();
        Instant now = clock.instant();
        AgentTurn turn = new AgentTurn(nextTurnId(), format, media.arrivalOf(speechEndedAtMs), Optional.of(now));
        speech.begin(turn);
        Turn userTurn = Turn.user(transcript, now);
        List<Turn> prompt = context.remember(userTurn);
        storage.execute(() -> storeTurn(userTurn));
        turn.modelAsked(now);
        Answer answer = new Answer(turn);
        if (model.isEmpty()) {
            answer.onFailure(new AgentUnavailableException("no language model for " + agent.kind().code()
                    + " agents"));
            return;
        }
        turn.reply = model.get().reply(new AgentPrompt(agent, prompt, userTurn.text()), answer);
    }

    /** The turn was spoken to its end (its audio all sent). */
    private void spokenToEnd(AgentTurn turn) {
        store(turn, turn.text.toString(), false);
        if (turn.endsCall && !stopped) {
            end();
            output.stopped(VoiceOutput.AGENT_ENDED);
        }
    }

    private void store(AgentTurn turn, String text, boolean cut) {
        Instant ended = cut ? turn.interruptedAt : clock.instant();
        tracing.voiceTurn(turn.timeline(conversation, ended, cut));
        if (text.isBlank()) {
            return;
        }
        Turn stored = Turn.spoken(text, ended, turn.tokens, cut, turn.metrics());
        context.remember(stored);
        storage.execute(() -> storeTurn(stored));
    }

    /** Stores a turn (blocking); a failure loses that turn from the record, not the conversation. */
    private void storeTurn(Turn turn) {
        try {
            context.store(turn);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not store a spoken turn of {0}: {1}", conversation, e.getMessage());
        }
    }

    /**
     * Every frame's worth of time: the agent's audio goes out, and when the client stopped sending audio
     * in the middle of the user's turn (push-to-talk released), recognition is asked to end the turn.
     */
    private synchronized void tick() {
        if (stopped) {
            return;
        }
        Instant now = clock.instant();
        speech.advance(now);
        if (userHeard && !finalizing && lastAudio != null
                && Duration.between(lastAudio, now).compareTo(SILENCE_ENDS_TURN) >= 0) {
            finalizing = true;
            recognition.finalizeTurn();
        }
    }

    private String nextTurnId() {
        return "t" + ++turnCount;
    }

    /** Hears speech recognition. */
    private final class Recognition implements SpeechListener {

        @Override
        public void onReady() {
            synchronized (VoiceConversation.this) {
                recognitionReady = true;
            }
            ready();
        }

        @Override
        public void onSpeechStarted() {
            synchronized (VoiceConversation.this) {
                if (!stopped) {
                    interrupt();
                }
            }
        }

        @Override
        public void onTranscript(String text, boolean isFinal) {
            synchronized (VoiceConversation.this) {
                if (stopped) {
                    return;
                }
                output.transcript(text, isFinal);
                if (!text.isBlank()) {
                    userHeard = true;
                    interrupt();
                }
            }
        }

        @Override
        public void onEndOfTurn(String transcript, long speechEndedAtMs) {
            endOfUserTurn(transcript, speechEndedAtMs);
        }

        @Override
        public void onFailure(String reason) {
            failed(reason);
        }
    }

    /** Hears speech synthesis. */
    private final class Synthesis implements SynthesisListener {

        @Override
        public void onReady() {
            synchronized (VoiceConversation.this) {
                if (this != synthesisListener) {
                    return;
                }
                synthesisReady = true;
            }
            ready();
        }

        @Override
        public void onAudio(byte[] audio) {
            synchronized (VoiceConversation.this) {
                if (!stopped && this == synthesisListener) {
                    speech.audio(audio, clock.instant());
                }
            }
        }

        @Override
        public void onFlushed() {
            synchronized (VoiceConversation.this) {
                if (!stopped && this == synthesisListener) {
                    speech.flushed(clock.instant());
                }
            }
        }

        @Override
        public void onCleared() {
            synchronized (VoiceConversation.this) {
                if (!stopped && this == synthesisListener) {
                    speech.cleared(clock.instant());
                }
            }
        }

        @Override
        public void onFailure(String reason) {
            synthesisFailed(this, reason);
        }
    }

    /** Hears the model answering one turn; ignored once the turn is no longer the one in progress. */
    private final class Answer implements ReplyListener {

        private final AgentTurn turn;

        Answer(AgentTurn turn) {
            this.turn = turn;
        }

        @Override
        public void onDelta(String delta) {
            synchronized (VoiceConversation.this) {
                if (speech.current() != turn) {
                    return;
                }
                Instant now = clock.instant();
                turn.modelWrote(now);
                turn.text.append(delta);
                output.answerDelta(delta);
                turn.sentences.feed(delta).forEach(sentence -> speech.say(sentence, now));
            }
        }

        @Override
        public void onComplete(AgentReply reply) {
            synchronized (VoiceConversation.this) {
                if (speech.current() != turn) {
                    return;
                }
                Instant now = clock.instant();
                turn.modelCompleted(now, reply.tokens());
                spent.accept(reply.tokens());
                if (turn.text.isEmpty()) {
                    turn.sentences.feed(reply.text()).forEach(sentence -> speech.say(sentence, now));
                }
                turn.text.setLength(0);
                turn.text.append(reply.text());
                turn.answered = true;
                turn.endsCall = reply.endsCall();
                output.answered(conversation, reply.text(), false);
                speech.say(turn.sentences.rest(), now);
                speech.advance(now);
            }
        }

        @Override
        public void onFailure(AgentUnavailableException failure) {
            synchronized (VoiceConversation.this) {
                if (speech.current() != turn) {
                    return;
                }
                LOG.log(Level.WARNING, "agent unavailable in voice conversation {0}: {1}", conversation,
                        failure.getMessage());
                Instant now = clock.instant();
                turn.modelCompleted(now, 0);
                turn.answered = true;
                output.agentUnavailable(conversation);
                speech.say(turn.sentences.rest(), now);
                speech.advance(now);
            }
        }
    }
}
