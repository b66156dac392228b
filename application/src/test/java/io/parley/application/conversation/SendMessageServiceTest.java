package io.parley.application.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.parley.core.InvalidInputException;
import io.parley.core.NotFoundException;
import io.parley.core.agent.Agent;
import io.parley.core.agent.AgentId;
import io.parley.core.agent.AgentKind;
import io.parley.core.agent.AgentPrompt;
import io.parley.core.agent.AgentReply;
import io.parley.core.agent.AgentUnavailableException;
import io.parley.core.agent.ReplyListener;
import io.parley.core.agent.ReplyStream;
import io.parley.core.conversation.Channel;
import io.parley.core.conversation.Conversation;
import io.parley.core.conversation.ConversationId;
import io.parley.core.conversation.Role;
import io.parley.core.conversation.Turn;
import io.parley.core.port.in.SendMessageUseCase.AnswerListener;
import io.parley.core.port.in.SendMessageUseCase.Command;
import io.parley.core.port.in.SendMessageUseCase.Outcome;
import io.parley.core.port.out.AgentRepository;
import io.parley.core.port.out.ConversationContextCache;
import io.parley.core.port.out.ConversationRepository;
import io.parley.core.port.out.LanguageModel;
import io.parley.core.port.out.RateLimiter;
import io.parley.core.port.out.AuditTrail;
import io.parley.core.port.out.SessionRegistry;
import io.parley.core.port.out.UnitOfWork;
import io.parley.core.session.ClientSession;
import io.parley.core.session.PeerId;
import io.parley.core.session.SessionEvent;
import io.parley.core.session.SessionEventType;
import io.parley.core.session.SessionId;
import io.parley.core.session.SessionLimits;
import io.parley.core.tenant.TenantId;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class SendMessageServiceTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-01-01T10:00:00Z"), ZoneOffset.UTC);
    private final TenantId tenant = new TenantId(UUID.randomUUID());
    private final ClientSession session = new ClientSession(new SessionId(UUID.randomUUID()), new PeerId("alice"),
            tenant, clock.instant());
    private final Agent agent = Agent.defaultFor(new AgentId(UUID.randomUUID()), tenant);

    private final SessionRegistry sessions = mock(SessionRegistry.class);
    private final RateLimiter limiter = mock(RateLimiter.class);
    private final AgentRepository agents = mock(AgentRepository.class);
    private final ConversationRepository conversations = mock(ConversationRepository.class);
    private final ConversationContextCache cache = mock(ConversationContextCache.class);
    private final LanguageModel model = mock(LanguageModel.class);
    private final AuditTrail events = mock(AuditTrail.class);
    private SendMessageService service;

    @BeforeEach
    void wire() throws Exception {
        UnitOfWork direct = new UnitOfWork() {
            @Override
            public <T> T inTransaction(Supplier<T> work) {
                return work.get();
            }
        };
        when(sessions.find(session.id())).thenReturn(Optional.of(session));
        when(limiter.tryAcquire(anyString(), anyInt(), any())).thenReturn(new RateLimiter.Decision(true, 0));
        when(agents.findDefault(tenant)).thenReturn(Optional.of(agent));
        when(cache.recent(any())).thenReturn(Optional.empty());
        when(model.kind()).thenReturn(AgentKind.SCRIPTED);
        answerWith(new AgentReply("Hello!", 5));
        service = new SendMessageService(sessions, new MessageRateLimit(limiter, 60), agents, conversations,
                new ConversationContext(cache, conversations, 20), List.of(model), events, direct,
                new SessionLimits(10, 60, 100, 20), UUID::randomUUID, Runnable::run, clock);
    }

    /** The model streams the reply's text in two pieces, then completes with it. */
    private void answerWith(AgentReply reply) {
        org.mockito.Mockito.doAnswer(call -> {
            ReplyListener listener = call.getArgument(1);
            int half = reply.text().length() / 2;
            listener.onDelta(reply.text().substring(0, half));
            listener.onDelta(reply.text().substring(half));
            listener.onComplete(reply);
            return ReplyStream.FINISHED;
        }).when(model).reply(any(), any());
    }

    /** What the caller heard: the pieces, then how it ended. */
    private static final class Heard implements AnswerListener {
        final List<String> deltas = new ArrayList<>();
        Outcome outcome;
        RuntimeException error;

        @Override
        public void onDelta(String delta) {
            deltas.add(delta);
        }

        @Override
        public void onOutcome(Outcome ended) {
            assertThat(outcome).as("one outcome").isNull();
            outcome = ended;
        }

        @Override
        public void onError(RuntimeException failure) {
            error = failure;
        }
    }

    private Outcome send(String text, Optional<ConversationId> conversation) {
        Heard heard = new Heard();
        service.send(new Command(session.id(), text, conversation), heard);
        assertThat(heard.error).isNull();
        return heard.outcome;
    }

    @Test
    void firstMessageStartsAConversationAndStoresBothTurns() {
        Outcome outcome = send("hi", Optional.empty());

        Outcome.Answered answered = (Outcome.Answered) outcome;
        assertThat(answered.text()).isEqualTo("Hello!");
        ArgumentCaptor<Conversation> created = ArgumentCaptor.forClass(Conversation.class);
        verify(conversations).create(created.capture());
        assertThat(created.getValue().id()).isEqualTo(answered.conversationId());
        assertThat(created.getValue().channel()).isEqualTo(Channel.WEB);
        ArgumentCaptor<Turn> turns = ArgumentCaptor.forClass(Turn.class);
        verify(conversations, org.mockito.Mockito.times(2)).appendTurn(eq(answered.conversationId()), turns.capture());
        assertThat(turns.getAllValues()).extracting(Turn::role).containsExactly(Role.USER, Role.ASSISTANT);
        assertThat(turns.getAllValues().get(1).tokens()).isEqualTo(5);
        assertThat(session.currentConversationId()).contains(answered.conversationId());
        assertThat(session.messageCount()).isEqualTo(1);
        assertThat(session.tokensUsed()).isEqualTo(5);
    }

    @Test
    void laterMessagesContinueTheSessionsConversation() {
        ConversationId first = ((Outcome.Answered) send("hi", Optional.empty())).conversationId();
        ConversationId second = ((Outcome.Answered) send("again", Optional.empty())).conversationId();
        assertThat(second).isEqualTo(first);
        verify(conversations, org.mockito.Mockito.times(1)).create(any());
    }

    @Test
    void rateLimitedMessagesAreNeitherStoredNorAnsweredButAudited() throws Exception {
        when(limiter.tryAcquire(anyString(), anyInt(), any())).thenReturn(new RateLimiter.Decision(false, 1234));
        Outcome outcome = send("hi", Optional.empty());
        assertThat(outcome).isEqualTo(new Outcome.RateLimited(1234));
        verify(conversations, never()).appendTurn(any(), any());
        verify(model, never()).reply(any(), any());
        ArgumentCaptor<SessionEvent> event = ArgumentCaptor.forClass(SessionEvent.class);
        verify(events).record(event.capture());
        assertThat(event.getValue().type()).isEqualTo(SessionEventType.RATE_LIMITED);
    }

    @Test
    void anUnreachableRateLimiterLetsMessagesThrough() {
        when(limiter.tryAcquire(anyString(), anyInt(), any())).thenThrow(new IllegalStateException("redis down"));
        assertThat(send("hi", Optional.empty())).isInstanceOf(Outcome.Answered.class);
    }

    @Test
    void agentFailureKeepsTheUserTurnAndReportsUnavailable() throws Exception {
        org.mockito.Mockito.doAnswer(call -> {
            ((ReplyListener) call.getArgument(1)).onFailure(new AgentUnavailableException("timeout"));
            return ReplyStream.FINISHED;
        }).when(model).reply(any(), any());
        Outcome outcome = send("hi", Optional.empty());
        assertThat(outcome).isInstanceOf(Outcome.AgentUnavailable.class);
        ArgumentCaptor<Turn> turns = ArgumentCaptor.forClass(Turn.class);
        verify(conversations).appendTurn(any(), turns.capture());
        assertThat(turns.getValue().role()).isEqualTo(Role.USER);
    }

    @Test
    void streamedDeltasReachTheCallerAndContextEndsWithTheUserTurn() throws Exception {
        answerWith(new AgentReply("Hello", 3));
        when(conversations.lastTurns(any(), eq(20))).thenReturn(List.of(Turn.user("hi", clock.instant())));
        Heard heard = new Heard();
        service.send(new Command(session.id(), "hi", Optional.empty()), heard);
        assertThat(heard.deltas).containsExactly("He", "llo");
        ArgumentCaptor<AgentPrompt> prompt = ArgumentCaptor.forClass(AgentPrompt.class);
        verify(model).reply(prompt.capture(), any());
        assertThat(prompt.getValue().context()).extracting(Turn::text).containsExactly("hi");
    }

    @Test
    void continuingAConversationOfAnotherPeerIsNotFound() {
        ConversationId foreign = new ConversationId(UUID.randomUUID());
        when(conversations.findById(foreign)).thenReturn(Optional.of(Conversation.start(foreign, tenant,
                new PeerId("bob"), Channel.WEB, agent.id(), clock.instant())));
        assertThatThrownBy(() -> service.send(new Command(session.id(), "hi", Optional.of(foreign)), new Heard()))
                .isInstanceOf(NotFoundException.class);
        verify(conversations, never()).appendTurn(any(), any());
    }

    @Test
    void textOverTheLimitIsTooLarge() {
        assertThatThrownBy(() -> service.send(new Command(session.id(), "x".repeat(101), Optional.empty()),
                new Heard()))
                .isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((InvalidInputException) e).code()).isEqualTo("too_large");
    }

    @Test
    void anAnswerThatCannotBeStoredIsReportedAsAnErrorNotAnOutcome() {
        org.mockito.Mockito.doNothing().doThrow(new IllegalStateException("postgres down"))
                .when(conversations).appendTurn(any(), any());
        Heard heard = new Heard();
        service.send(new Command(session.id(), "hi", Optional.empty()), heard);
        assertThat(heard.outcome).isNull();
        assertThat(heard.error).hasMessage("postgres down");
    }

    @Test
    void theReplyStreamReturnedIsTheModelsSoThatTheCallerCanStopIt() {
        ReplyStream stream = () -> { };
        org.mockito.Mockito.doReturn(stream).when(model).reply(any(), any());
        assertThat(service.send(new Command(session.id(), "hi", Optional.empty()), new Heard())).isSameAs(stream);
    }
}
