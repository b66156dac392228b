package io.parley.application.conversation;

import io.parley.core.InvalidInputException;
import io.parley.core.NotFoundException;
import io.parley.core.agent.Agent;
import io.parley.core.agent.AgentKind;
import io.parley.core.agent.AgentPrompt;
import io.parley.core.agent.AgentReply;
import io.parley.core.agent.AgentUnavailableException;
import io.parley.core.agent.ReplyListener;
import io.parley.core.agent.ReplyStream;
import io.parley.core.conversation.Channel;
import io.parley.core.conversation.Conversation;
import io.parley.core.conversation.ConversationId;
import io.parley.core.conversation.Turn;
import io.parley.core.port.in.SendMessageUseCase;
import io.parley.core.port.out.AgentRepository;
import io.parley.core.port.out.ConversationRepository;
import io.parley.core.port.out.IdGenerator;
import io.parley.core.port.out.LanguageModel;
import io.parley.core.port.out.AuditTrail;
import io.parley.core.port.out.SessionRegistry;
import io.parley.core.port.out.UnitOfWork;
import io.parley.core.session.ClientSession;
import io.parley.core.session.SessionEvent;
import io.parley.core.session.SessionLimits;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Handles one user message: rate limit, find or start the conversation, store the user turn, ask the
 * tenant's agent with recent context (its answer streams; no thread waits for it), then store the
 * answer on a thread that may block and report the outcome.
 */
public class SendMessageService implements SendMessageUseCase {

    private static final System.Logger LOG = System.getLogger(SendMessageService.class.getName());

    private final SessionRegistry sessions;
    private final MessageRateLimit rateLimit;
    private final AgentRepository agents;
    private final ConversationRepository conversations;
    private final ConversationContext context;
    private final Map<AgentKind, LanguageModel> models;
    private final AuditTrail events;
    private final UnitOfWork unitOfWork;
    private final SessionLimits limits;
    private final IdGenerator ids;
    private final Executor blocking;
    private final Clock clock;

    public SendMessageService(SessionRegistry sessions, MessageRateLimit rateLimit, AgentRepository agents,
            ConversationRepository conversations, ConversationContext context, List<LanguageModel> models,
            AuditTrail events, UnitOfWork unitOfWork, SessionLimits limits, IdGenerator ids, Executor blocking,
            Clock clock) {
        this.sessions = sessions;
        this.rateLimit = rateLimit;
        this.agents = agents;
        this.conversations = conversations;
        this.context = context;
        this.models = models.stream().collect(Collectors.toUnmodifiableMap(LanguageModel::kind, Function.identity()));
        this.events = events;
        this.unitOfWork = unitOfWork;
        this.limits = limits;
        this.ids = ids;
        this.blocking = blocking;
        this.clock = clock;
    }

    @Override
    public ReplyStream send(Command command, AnswerListener listener) {
        ClientSession session = sessions.find(command.sessionId())
                .orElseThrow(() -> new IllegalStateException("session " + command.sessionId() + " is not open"));
        String text = validText(command.text());
        var decision = rateLimit.tryAcquire(session);
        if (!decision.allowed()) {
            events.record(SessionEvent.rateLimited(session, clock.instant()));
            listener.onOutcome(new Outcome.RateLimited(decision.retryAfterMs()));
            return ReplyStream.FINISHED;
        }
        Agent agent = agents.findDefault(session.tenantId())
                .orElseThrow(() -> new IllegalStateException("tenant " + session.tenantId() + " has no agent"));
        Turn userTurn = Turn.user(text, clock.instant());
        ConversationId conversationId = storeUserTurn(session, command, agent, userTurn);
        session.continueConversation(conversationId);
        List<Turn> recent = context.afterTurn(conversationId, userTurn);
        ReplyListener reply = new ReplyListener() {
            @Override
            public void onDelta(String delta) {
                listener.onDelta(delta);
            }

            @Override
            public void onComplete(AgentReply answer) {
                afterwards(listener, () -> {
                    Turn stored = Turn.assistant(answer.text(), clock.instant(), answer.tokens());
                    conversations.appendTurn(conversationId, stored);
                    context.remember(conversationId, stored);
                    session.recordActivity(answer.tokens(), clock.instant());
                    return new Outcome.Answered(conversationId, answer.text(), answer.truncated());
                });
            }

            @Override
            public void onFailure(AgentUnavailableException failure) {
                LOG.log(Level.WARNING, "agent unavailable for conversation {0}: {1}", conversationId,
                        failure.getMessage());
                afterwards(listener, () -> {
                    session.recordActivity(0, clock.instant());
                    return new Outcome.AgentUnavailable(conversationId);
                });
            }
        };
        LanguageModel model = models.get(agent.kind());
        if (model == null) {
            reply.onFailure(new AgentUnavailableException("no language model for " + agent.kind().code() + " agents"));
            return ReplyStream.FINISHED;
        }
        return model.reply(new AgentPrompt(agent, recent, text), reply);
    }

    /** Finishes an answer on a thread that may block (the model's callbacks may come on an event loop). */
    private void afterwards(AnswerListener listener, Supplier<Outcome> finish) {
        blocking.execute(() -> {
            Outcome outcome;
            try {
                outcome = finish.get();
            } catch (RuntimeException e) {
                listener.onError(e);
                return;
            }
            listener.onOutcome(outcome);
        });
    }

    private String validText(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("invalid_message", "text must not be empty");
        }
        if (text.length() > limits.maxTextChars()) {
            throw new InvalidInputException("too_large", "text is longer than " + limits.maxTextChars() + " characters");
        }
        return text;
    }

    /** Stores the user turn, in a new conversation when the message does not continue one. */
    private ConversationId storeUserTurn(ClientSession session, Command command, Agent agent, Turn userTurn) {
        if (command.conversationId().isPresent()) {
            ConversationId requested = command.conversationId().get();
            conversations.findById(requested)
                    .filter(c -> c.isContinuableBy(session.tenantId(), session.peerId()))
                    .orElseThrow(() -> new NotFoundException("no active conversation " + requested + " for this peer"));
            conversations.appendTurn(requested, userTurn);
            return requested;
        }
        if (session.currentConversationId().isPresent()) {
            ConversationId current = session.currentConversationId().get();
            conversations.appendTurn(current, userTurn);
            return current;
        }
        Conversation started = Conversation.start(new ConversationId(ids.newId()), session.tenantId(),
                session.peerId(), Channel.WEB, agent.id(), userTurn.at());
        return unitOfWork.inTransaction(() -> {
            conversations.create(started);
            conversations.appendTurn(started.id(), userTurn);
            return started.id();
        });
    }
}
