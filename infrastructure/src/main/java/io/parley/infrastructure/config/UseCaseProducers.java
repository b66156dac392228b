package io.parley.infrastructure.config;

import io.parley.application.agent.ConfigureAgentService;
import io.parley.application.auth.AuthenticatePeerService;
import io.parley.application.auth.IssueTokenService;
import io.parley.application.conversation.ConversationContext;
import io.parley.application.conversation.EndConversationService;
import io.parley.application.conversation.GetConversationService;
import io.parley.application.conversation.ListConversationsService;
import io.parley.application.conversation.MessageRateLimit;
import io.parley.application.conversation.SendMessageService;
import io.parley.application.session.ConnectClientService;
import io.parley.application.session.DisconnectClientService;
import io.parley.application.session.ListSessionEventsService;
import io.parley.application.tenant.AuthenticateApiKeyService;
import io.parley.application.tenant.CreateTenantService;
import io.parley.core.port.in.AuthenticateApiKeyUseCase;
import io.parley.core.port.in.AuthenticatePeerUseCase;
import io.parley.core.port.in.ConfigureAgentUseCase;
import io.parley.core.port.in.ConnectClientUseCase;
import io.parley.core.port.in.CreateTenantUseCase;
import io.parley.core.port.in.DisconnectClientUseCase;
import io.parley.core.port.in.EndConversationUseCase;
import io.parley.core.port.in.GetConversationUseCase;
import io.parley.core.port.in.IssueTokenUseCase;
import io.parley.core.port.in.ListConversationsUseCase;
import io.parley.core.port.in.ListSessionEventsUseCase;
import io.parley.core.port.in.SendMessageUseCase;
import io.parley.core.port.out.AccessTokenIssuer;
import io.parley.core.port.out.AccessTokenVerifier;
import io.parley.core.port.out.AgentRepository;
import io.parley.core.port.out.ConversationContextCache;
import io.parley.core.port.out.ConversationRepository;
import io.parley.core.port.out.IdGenerator;
import io.parley.core.port.out.LanguageModel;
import io.parley.core.port.out.RateLimiter;
import io.parley.core.port.out.SessionEventRepository;
import io.parley.core.port.out.SessionRegistry;
import io.parley.core.port.out.TenantRepository;
import io.parley.core.port.out.UnitOfWork;
import io.parley.core.session.SessionLimits;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/** The composition root: builds every use case from its out-port adapters. */
@ApplicationScoped
public class UseCaseProducers {

    @Produces
    @ApplicationScoped
    CreateTenantUseCase createTenant(TenantRepository tenants, AgentRepository agents, UnitOfWork unitOfWork,
            IdGenerator ids, Clock clock) {
        return new CreateTenantService(tenants, agents, unitOfWork, ids, clock);
    }

    @Produces
    @ApplicationScoped
    AuthenticateApiKeyUseCase authenticateApiKey(TenantRepository tenants) {
        return new AuthenticateApiKeyService(tenants);
    }

    @Produces
    @ApplicationScoped
    IssueTokenUseCase issueToken(AccessTokenIssuer issuer) {
        return new IssueTokenService(issuer);
    }

    @Produces
    @ApplicationScoped
    AuthenticatePeerUseCase authenticatePeer(AccessTokenVerifier verifier, TenantRepository tenants,
            SessionEventRepository events, Clock clock) {
        return new AuthenticatePeerService(verifier, tenants, events, clock);
    }

    @Produces
    @ApplicationScoped
    ConfigureAgentUseCase configureAgent(AgentRepository agents) {
        return new ConfigureAgentService(agents);
    }

    @Produces
    @ApplicationScoped
    ListConversationsUseCase listConversations(ConversationRepository conversations) {
        return new ListConversationsService(conversations);
    }

    @Produces
    @ApplicationScoped
    GetConversationUseCase getConversation(ConversationRepository conversations) {
        return new GetConversationService(conversations);
    }

    @Produces
    @ApplicationScoped
    ConnectClientUseCase connectClient(SessionRegistry registry, SessionEventRepository events, SessionLimits limits,
            IdGenerator ids, Clock clock) {
        return new ConnectClientService(registry, events, limits, ids, clock);
    }

    @Produces
    @ApplicationScoped
    DisconnectClientUseCase disconnectClient(SessionRegistry registry, SessionEventRepository events, Clock clock) {
        return new DisconnectClientService(registry, events, clock);
    }

    @Produces
    @ApplicationScoped
    SendMessageUseCase sendMessage(SessionRegistry registry, RateLimiter limiter, AgentRepository agents,
            ConversationRepository conversations, ConversationContextCache cache, Instance<LanguageModel> models,
            SessionEventRepository events, UnitOfWork unitOfWork, SessionLimits limits, IdGenerator ids, Clock clock) {
        return new SendMessageService(registry, new MessageRateLimit(limiter, limits.messagesPerMinute()), agents,
                conversations, new ConversationContext(cache, conversations, limits.contextTurns()),
                models.stream().toList(), events, unitOfWork, limits, ids, clock);
    }

    @Produces
    @ApplicationScoped
    EndConversationUseCase endConversation(SessionRegistry registry, ConversationRepository conversations,
            Clock clock) {
        return new EndConversationService(registry, conversations, clock);
    }

    @Produces
    @ApplicationScoped
    ListSessionEventsUseCase listSessionEvents(SessionEventRepository events) {
        return new ListSessionEventsService(events);
    }
}
