package io.parley.infrastructure.config;

import io.parley.application.agent.ConfigureAgentService;
import io.parley.application.auth.AuthenticatePeerService;
import io.parley.application.auth.IssueTokenService;
import io.parley.application.conversation.ConversationContext;
import io.parley.application.conversation.ConversationTurns;
import io.parley.application.conversation.EndConversationService;
import io.parley.application.conversation.GetConversationService;
import io.parley.application.conversation.ListConversationsService;
import io.parley.application.conversation.MessageRateLimit;
import io.parley.application.conversation.SendMessageService;
import io.parley.application.session.ConnectClientService;
import io.parley.application.session.KeepAliveService;
import io.parley.application.session.PruneAuditTrailService;
import io.parley.core.port.in.PruneAuditTrailUseCase;
import io.parley.core.port.in.KeepAliveUseCase;
import io.parley.application.signal.ClusterAdmission;
import io.parley.application.signal.DrainNodeService;
import io.parley.application.signal.HandOverSessionService;
import io.parley.application.signal.InboundDelivery;
import io.parley.application.signal.RepairDemand;
import io.parley.application.signal.SharedStateRepair;
import io.parley.core.port.in.HandOverSessionUseCase;
import io.parley.application.signal.JoinRoomService;
import io.parley.application.signal.LeaveRoomService;
import io.parley.application.signal.MaintainClusterService;
import io.parley.application.signal.RelaySignalService;
import io.parley.application.signal.SessionMessenger;
import io.parley.application.signal.SessionResumption;
import io.parley.application.tenant.SetTenantLimitsService;
import io.parley.core.port.in.DrainNodeUseCase;
import io.parley.core.port.in.JoinRoomUseCase;
import io.parley.core.port.in.LeaveRoomUseCase;
import io.parley.core.port.in.MaintainClusterUseCase;
import io.parley.core.port.in.RelaySignalUseCase;
import io.parley.core.port.in.SetTenantLimitsUseCase;
import io.parley.core.port.out.ClusterNodes;
import io.parley.core.port.out.ConnectionQuota;
import io.parley.core.port.out.PeerDirectory;
import io.parley.core.port.out.ResumeStore;
import io.parley.core.port.out.RoomStore;
import io.parley.core.port.out.SignalBus;
import io.parley.core.session.SignalLimits;
import jakarta.inject.Singleton;
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
import io.parley.core.port.out.AuditTrail;
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
import io.smallrye.mutiny.infrastructure.Infrastructure;
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
            AuditTrail events, Clock clock) {
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
    @Singleton
    SessionMessenger sessionMessenger(SessionRegistry registry, SignalBus bus) {
        return new SessionMessenger(registry, bus);
    }

    @Produces
    @Singleton
    RepairDemand repairDemand() {
        return new RepairDemand();
    }

    @Produces
    @Singleton
    ClusterAdmission clusterAdmission(TenantRepository tenants, ConnectionQuota quota, PeerDirectory directory,
            SessionRegistry registry, SessionMessenger messenger, RepairDemand repair) {
        return new ClusterAdmission(tenants, quota, directory, registry, messenger, repair);
    }

    @Produces
    @Singleton
    InboundDelivery inboundDelivery(SessionRegistry registry, SignalBus bus) {
        return new InboundDelivery(registry, bus);
    }

    @Produces
    @ApplicationScoped
    ConnectClientUseCase connectClient(SessionRegistry registry, AuditTrail events, SessionLimits limits,
            ClusterAdmission admission, ResumeStore resumes, PeerDirectory directory, SignalBus bus,
            HandOverSessionUseCase handOver, JoinRoomUseCase joinRoom, IdGenerator ids, ParleyConfig config,
            Clock clock) {
        return new ConnectClientService(registry, events, limits, admission, new SessionResumption(resumes, directory,
                bus, handOver, joinRoom, config.session().handoverTimeout()), ids, clock);
    }

    @Produces
    @ApplicationScoped
    DisconnectClientUseCase disconnectClient(SessionRegistry registry, RoomStore rooms, SessionMessenger messenger,
            ResumeStore resumes, PeerDirectory directory, ClusterAdmission admission, AuditTrail events,
            SignalLimits limits, RepairDemand repair, Clock clock) {
        return new DisconnectClientService(registry, rooms, messenger, resumes, directory, admission, events, limits,
                repair, clock);
    }

    @Produces
    @ApplicationScoped
    HandOverSessionUseCase handOverSession(SessionRegistry registry, DisconnectClientUseCase disconnect) {
        return new HandOverSessionService(registry, disconnect);
    }

    @Produces
    @ApplicationScoped
    JoinRoomUseCase joinRoom(SessionRegistry registry, RoomStore rooms, SessionMessenger messenger,
            SignalLimits limits) {
        return new JoinRoomService(registry, rooms, messenger, limits);
    }

    @Produces
    @ApplicationScoped
    LeaveRoomUseCase leaveRoom(SessionRegistry registry, RoomStore rooms, SessionMessenger messenger) {
        return new LeaveRoomService(registry, rooms, messenger);
    }

    @Produces
    @Singleton
    RelaySignalUseCase relaySignal(SessionRegistry registry, SignalBus bus) {
        return new RelaySignalService(registry, bus);
    }

    @Produces
    @ApplicationScoped
    MaintainClusterUseCase maintainCluster(SessionRegistry registry, ClusterNodes nodes, PeerDirectory directory,
            RoomStore rooms, ConnectionQuota quota, SessionMessenger messenger, RepairDemand repair,
            DisconnectClientUseCase disconnect, SignalLimits limits, Clock clock) {
        return new MaintainClusterService(registry, nodes,
                new SharedStateRepair(registry, directory, rooms, quota, messenger), repair, messenger, disconnect,
                limits, clock);
    }

    @Produces
    @ApplicationScoped
    DrainNodeUseCase drainNode(SessionRegistry registry) {
        return new DrainNodeService(registry);
    }

    @Produces
    @ApplicationScoped
    PruneAuditTrailUseCase pruneAuditTrail(SessionEventRepository events, ParleyConfig config, Clock clock) {
        return new PruneAuditTrailService(events, config.audit().retention(), clock);
    }

    @Produces
    @Singleton
    KeepAliveUseCase keepAlive(SessionRegistry registry, Clock clock) {
        return new KeepAliveService(registry, clock);
    }

    @Produces
    @ApplicationScoped
    SetTenantLimitsUseCase setTenantLimits(TenantRepository tenants) {
        return new SetTenantLimitsService(tenants);
    }

    @Produces
    @Singleton
    ConversationTurns conversationTurns(ConversationRepository conversations, ConversationContextCache cache,
            SessionLimits limits, IdGenerator ids) {
        return new ConversationTurns(conversations, new ConversationContext(cache, conversations, limits.contextTurns()),
                ids);
    }

    @Produces
    @ApplicationScoped
    SendMessageUseCase sendMessage(SessionRegistry registry, RateLimiter limiter, AgentRepository agents,
            ConversationRepository conversations, ConversationContextCache cache, Instance<LanguageModel> models,
            AuditTrail events, UnitOfWork unitOfWork, SessionLimits limits, IdGenerator ids, Clock clock) {
        return new SendMessageService(registry, new MessageRateLimit(limiter, limits.messagesPerMinute()), agents,
                conversations, new ConversationContext(cache, conversations, limits.contextTurns()),
                models.stream().toList(), events, unitOfWork, limits, ids, Infrastructure.getDefaultWorkerPool(), clock);
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
