package io.parley.application.voice;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.parley.application.conversation.ConversationContext;
import io.parley.application.conversation.ConversationTurns;
import io.parley.core.agent.Agent;
import io.parley.core.agent.AgentId;
import io.parley.core.agent.AgentKind;
import io.parley.core.agent.AgentReply;
import io.parley.core.conversation.ConversationId;
import io.parley.core.conversation.Role;
import io.parley.core.conversation.Turn;
import io.parley.core.port.out.ConversationRepository;
import io.parley.core.port.out.IdGenerator;
import io.parley.core.port.out.LanguageModel;
import io.parley.core.port.out.Ticker;
import io.parley.core.port.out.TurnTracing;
import io.parley.core.tenant.TenantId;
import io.parley.core.voice.AudioEncoding;
import io.parley.core.voice.AudioFormat;
import io.parley.core.voice.VoiceTurnTimeline;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One {@link VoiceConversation} wired to fakes: recognition, synthesis, a model, a recording output, a
 * clock moved by hand, storage run at once on the caller's thread, and a timer that never runs by itself
 * (its task, the session's tick, is run by {@link #tick} after moving the clock).
 */
final class VoiceHarness {

    /** 16 kHz linear16: 32 bytes a millisecond. */
    static final AudioFormat FORMAT = new AudioFormat(AudioEncoding.LINEAR16, 16000);
    static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
    /** A turn the context holds before the user's. */
    static final Turn EARLIER = Turn.assistant("Earlier answer.", T0.minusSeconds(60), 3);

    final TestClock clock = new TestClock(T0);
    final RecordingVoiceOutput output = new RecordingVoiceOutput();
    final FakeSpeechToText stt = new FakeSpeechToText();
    final FakeTextToSpeech tts = new FakeTextToSpeech();
    final FakeLanguageModel model = new FakeLanguageModel(AgentKind.LLM);
    final ConversationRepository repository = mock(ConversationRepository.class);
    final ConversationContext context = mock(ConversationContext.class);
    final ConversationTurns turns = new ConversationTurns(repository, context, mock(IdGenerator.class));
    /** Every turn appended to the conversation, in order. */
    final List<Turn> stored = new ArrayList<>();
    final List<VoiceTurnTimeline> timelines = new ArrayList<>();
    final TurnTracing tracing = timelines::add;
    /** The period the session asked to tick at. */
    Duration tickPeriod;
    private boolean tickStopped;
    final Ticker ticker = (period, tick) -> {
        tickPeriod = period;
        this.tick = tick;
        return () -> tickStopped = true;
    };
    final AtomicLong tokensSpent = new AtomicLong();
    final AtomicInteger ends = new AtomicInteger();
    final ConversationId conversation = new ConversationId(UUID.randomUUID());
    final Agent agent;
    Executor storage = Runnable::run;
    Optional<LanguageModel> languageModel = Optional.of(model);
    VoiceConversation voice;
    private Runnable tick;

    VoiceHarness() {
        this("");
    }

    VoiceHarness(String greeting) {
        agent = new Agent(new AgentId(UUID.randomUUID()), new TenantId(UUID.randomUUID()), "Ada", AgentKind.LLM,
                greeting, "Be brief.", Optional.empty(), List.of(), "Sorry?");
        doAnswer(call -> {
            stored.add(call.getArgument(1));
            return null;
        }).when(repository).appendTurn(any(), any());
        when(context.recent(any())).thenReturn(List.of(EARLIER));
        when(context.maxTurns()).thenReturn(20);
    }

    /** Makes the session and opens recognition and synthesis (neither ready yet). */
    VoiceHarness open() {
        voice = new VoiceConversation(output, agent, turns.live(conversation), FORMAT, languageModel, tracing,
                storage, clock, tokensSpent::addAndGet, ends::incrementAndGet);
        voice.open(stt, tts, Optional.of("en"), ticker);
        return this;
    }

    /** Opens the session and makes both providers ready: it has started. */
    VoiceHarness started() {
        open();
        stt.listener().onReady();
        tts.listener().onReady();
        return this;
    }

    /** Moves the clock on by {@code length}, one 20 ms tick at a time, running the session's tick after each. */
    void tick(Duration length) {
        for (long ms = 0; ms < length.toMillis(); ms += Playout.FRAME.toMillis()) {
            clock.advance(Playout.FRAME);
            tick.run();
        }
    }

    /** Whether the session's timer was scheduled and not cancelled since. */
    boolean timerRunning() {
        return tick != null && !tickStopped;
    }

    /** Runs the session's tick once, without moving the clock. */
    void tickNow() {
        tick.run();
    }

    FakeTextToSpeech.Synthesis synthesis() {
        return tts.synthesis();
    }

    /** Synthesis delivers this much audio for the piece in flight. */
    void synthesized(Duration length) {
        tts.listener().onAudio(audio(length));
    }

    /** Synthesis delivers this much audio for the piece in flight, then says it is flushed. */
    void synthesizedAndFlushed(Duration length) {
        synthesized(length);
        tts.listener().onFlushed();
    }

    /** The user's turn ends (recognition says so): the agent's answer begins. */
    void userSaid(String transcript) {
        stt.listener().onEndOfTurn(transcript, 0);
    }

    /** The model writes these pieces of the current answer. */
    void modelWrites(String... deltas) {
        for (String delta : deltas) {
            model.last().listener.onDelta(delta);
        }
    }

    void modelCompletes(String text, long tokens) {
        model.last().listener.onComplete(new AgentReply(text, tokens));
    }

    List<Turn> storedAgentTurns() {
        return stored.stream().filter(t -> t.role() == Role.ASSISTANT).toList();
    }

    List<Turn> storedUserTurns() {
        return stored.stream().filter(t -> t.role() == Role.USER).toList();
    }

    static byte[] audio(Duration length) {
        return new byte[(int) FORMAT.bytesFor(length)];
    }

    static Duration ms(long millis) {
        return Duration.ofMillis(millis);
    }
}
