package io.parley.application.voice;

import static io.parley.application.voice.VoiceHarness.FORMAT;
import static io.parley.application.voice.VoiceHarness.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.parley.application.conversation.ConversationContext;
import io.parley.application.conversation.ConversationTurns;
import io.parley.application.voice.RecordingVoiceOutput.Started;
import io.parley.core.agent.Agent;
import io.parley.core.agent.AgentId;
import io.parley.core.agent.AgentKind;
import io.parley.core.agent.AgentReply;
import io.parley.core.conversation.Conversation;
import io.parley.core.conversation.ConversationId;
import io.parley.core.port.in.StartVoiceUseCase.Start;
import io.parley.core.port.out.AgentRepository;
import io.parley.core.port.out.ConversationRepository;
import io.parley.core.port.out.IdGenerator;
import io.parley.core.port.out.SessionRegistry;
import io.parley.core.port.out.Ticker;
import io.parley.core.voice.VoiceSession;
import io.parley.core.voice.VoiceSettings;
import io.parley.core.session.ClientSession;
import io.parley.core.session.PeerId;
import io.parley.core.session.SessionId;
import io.parley.core.tenant.TenantId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** StartVoiceService: refusals, the conversation a voice session speaks in, and the node's voice slots. */
class StartVoiceServiceTest {

    private final TestClock clock = new TestClock(T0);
    private final TenantId tenant = new TenantId(UUID.randomUUID());
    private final SessionId sessionId = new SessionId(UUID.randomUUID());
    private final ClientSession session = new ClientSession(sessionId, new PeerId("alice"), tenant, T0);
    private final Agent agent = new Agent(new AgentId(UUID.randomUUID()), tenant, "Ada", AgentKind.LLM, "",
            "Be brief.", Optional.empty(), List.of(), "Sorry?");
    private final SessionRegistry sessions = mock(SessionRegistry.class);
    private final AgentRepository agents = mock(AgentRepository.class);
    private final ConversationRepository repository = mock(ConversationRepository.class);
    private final IdGenerator ids = mock(IdGenerator.class);
    private final ConversationTurns turns = new ConversationTurns(repository, contextOfTwentyTurns(), ids);
    private final FakeSpeechToText stt = new FakeSpeechToText();
    private final FakeTextToSpeech tts = new FakeTextToSpeech();
    private final FakeLanguageModel scripted = new FakeLanguageModel(AgentKind.SCRIPTED);
    private final FakeLanguageModel llm = new FakeLanguageModel(AgentKind.LLM);
    private final Ticker ticker = (period, tick) -> () -> { };
    private final RecordingVoiceOutput output = new RecordingVoiceOutput();
    private final VoiceSettings settings = new VoiceSettings(FORMAT, Optional.of("de"));
    private VoiceSlots slots = new VoiceSlots(2);

    StartVoiceServiceTest() {
        when(sessions.find(sessionId)).thenReturn(Optional.of(session));
        when(agents.findDefault(tenant)).thenReturn(Optional.of(agent));
        when(ids.newId()).thenReturn(UUID.randomUUID());
    }

    @Test
    void refusedWhenRecognitionIsNotConfigured() {
        stt.unavailable = Optional.of("set parley.deepgram.api-key");
        assertThat(service().start(sessionId, settings, output))
                .isEqualTo(new Start.Unavailable("set parley.deepgram.api-key"));
        assertThat(stt.opened).isEmpty();
        assertThat(tts.opened).isEmpty();
        assertThat(slots.inUse()).isZero();
    }

    @Test
    void refusedWhenSynthesisIsNotConfigured() {
        tts.unavailable = Optional.of("no voice");
        assertThat(service().start(sessionId, settings, output)).isEqualTo(new Start.Unavailable("no voice"));
        assertThat(slots.inUse()).isZero();
    }

    @Test
    void busyWhenTheNodeRunsAsManyVoiceSessionsAsItMay() {
        slots = new VoiceSlots(1);
        StartVoiceService service = service();
        assertThat(service.start(sessionId, settings, output)).isInstanceOf(Start.Started.class);
        assertThat(service.start(sessionId, settings, output)).isEqualTo(new Start.Busy(1));
        assertThat(stt.opened).hasSize(1);
    }

    @Test
    void speaksInTheSessionsCurrentConversationInTheAskedFormatAndLanguage() {
        ConversationId current = new ConversationId(UUID.randomUUID());
        session.continueConversation(current);
        Start start = service().start(sessionId, settings, output);
        assertThat(start).isInstanceOf(Start.Started.class);
        assertThat(stt.format).isEqualTo(FORMAT);
        assertThat(stt.language).contains("de");
        assertThat(tts.format).isEqualTo(FORMAT);
        verify(repository, never()).create(any());
        stt.listener().onReady();
        tts.listener().onReady();
        assertThat(output.events()).containsExactly(new Started(current));
    }

    @Test
    void startsANewConversationWhenTheSessionHasNone() {
        UUID id = UUID.randomUUID();
        when(ids.newId()).thenReturn(id);
        service().start(sessionId, settings, output);
        ArgumentCaptor<Conversation> created = ArgumentCaptor.forClass(Conversation.class);
        verify(repository).create(created.capture());
        assertThat(created.getValue().id()).isEqualTo(new ConversationId(id));
        assertThat(session.currentConversationId()).contains(new ConversationId(id));
        stt.listener().onReady();
        tts.listener().onReady();
        assertThat(output.events()).containsExactly(new Started(new ConversationId(id)));
    }

    @Test
    void theSlotIsTakenWhileTheSessionRunsAndGivenBackWhenItStops() {
        session.continueConversation(new ConversationId(UUID.randomUUID()));
        VoiceSession voice = ((Start.Started) service().start(sessionId, settings, output)).session();
        assertThat(slots.inUse()).isEqualTo(1);
        voice.stop("stopped");
        voice.stop("stopped");
        assertThat(slots.inUse()).isZero();
    }

    @Test
    void theSlotIsGivenBackWhenTheSessionFailsToStart() {
        session.continueConversation(new ConversationId(UUID.randomUUID()));
        service().start(sessionId, settings, output);
        stt.listener().onFailure("refused");
        assertThat(slots.inUse()).isZero();
    }

    @Test
    void theSlotIsGivenBackWhenTheSocketSessionIsGone() {
        when(sessions.find(sessionId)).thenReturn(Optional.empty());
        assertThatThrownBy(() -> service().start(sessionId, settings, output))
                .isInstanceOf(IllegalStateException.class);
        assertThat(slots.inUse()).isZero();
        assertThat(stt.opened).isEmpty();
    }

    @Test
    void theAgentsKindChoosesTheModelAndTokensSpentCountOnTheSession() {
        session.continueConversation(new ConversationId(UUID.randomUUID()));
        service().start(sessionId, settings, output);
        stt.listener().onReady();
        tts.listener().onReady();
        stt.listener().onEndOfTurn("Hello", 0);
        assertThat(scripted.replies).isEmpty();
        assertThat(llm.replies).hasSize(1);
        llm.last().listener.onComplete(new AgentReply("Hi.", 42));
        assertThat(session.tokensUsed()).isEqualTo(42);
    }

    private StartVoiceService service() {
        return new StartVoiceService(sessions, agents, turns, new VoiceStarter(List.of(scripted, llm), stt, tts,
                timeline -> { }, slots, Runnable::run, ticker, clock), clock);
    }

    private static ConversationContext contextOfTwentyTurns() {
        ConversationContext context = mock(ConversationContext.class);
        when(context.maxTurns()).thenReturn(20);
        return context;
    }
}
