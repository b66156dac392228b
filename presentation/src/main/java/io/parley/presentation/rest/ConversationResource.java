package io.parley.presentation.rest;

import io.parley.core.conversation.Conversation;
import io.parley.core.conversation.ConversationId;
import io.parley.core.conversation.ConversationPage;
import io.parley.core.conversation.PageRequest;
import io.parley.core.conversation.Turn;
import io.parley.core.conversation.TurnMetrics;
import java.util.OptionalLong;
import io.parley.core.port.in.GetConversationUseCase;
import io.parley.core.port.in.ListConversationsUseCase;
import io.parley.core.session.PeerId;
import io.parley.core.tenant.Tenant;
import io.parley.presentation.security.TenantAuthentication;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Reads the tenant's conversations with their turns. */
@Path("/api/v1/conversations")
@Produces(MediaType.APPLICATION_JSON)
public class ConversationResource {

    private final ListConversationsUseCase listConversations;
    private final GetConversationUseCase getConversation;
    private final TenantAuthentication tenants;

    public ConversationResource(ListConversationsUseCase listConversations, GetConversationUseCase getConversation,
            TenantAuthentication tenants) {
        this.listConversations = listConversations;
        this.getConversation = getConversation;
        this.tenants = tenants;
    }

    @GET
    public PageView list(@HeaderParam("X-Api-Key") String apiKey,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @QueryParam("peerId") String peerId,
            @QueryParam("page") @DefaultValue("0") String page, @QueryParam("size") @DefaultValue("20") String size) {
        Tenant tenant = tenants.require(apiKey, authorization);
        PageRequest request = new PageRequest(QueryNumbers.parse("page", page), QueryNumbers.parse("size", size));
        Optional<PeerId> peer = peerId == null || peerId.isEmpty() ? Optional.empty() : Optional.of(new PeerId(peerId));
        ConversationPage found = listConversations.list(tenant.id(), peer, request);
        return new PageView(found.items().stream().map(ConversationView::of).toList(), found.page(), found.size(),
                found.total());
    }

    @GET
    @Path("/{id}")
    public ConversationView get(@HeaderParam("X-Api-Key") String apiKey,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") String id) {
        Tenant tenant = tenants.require(apiKey, authorization);
        return ConversationView.of(getConversation.get(tenant.id(), ConversationId.parse(id)));
    }

    /** One page of conversations. */
    public record PageView(List<ConversationView> items, int page, int size, long total) {
    }

    /** A conversation as the API shows it. */
    public record ConversationView(String id, String peerId, String channel, String agentId, String status,
            Instant startedAt, Instant endedAt, List<TurnView> turns) {

        static ConversationView of(Conversation c) {
            return new ConversationView(c.id().toString(), c.peerId().value(), lower(c.channel()),
                    c.agentId().toString(), lower(c.status()), c.startedAt(), c.endedAt().orElse(null),
                    c.turns().stream().map(TurnView::of).toList());
        }
    }

    /**
     * A turn as the API shows it; a spoken agent turn says whether it was interrupted and its latencies
     * in milliseconds (null where one does not apply).
     */
    public record TurnView(String role, String text, Instant at, long tokens, boolean interrupted,
            Long sttLatencyMs, Long llmFirstTokenMs, Long ttsFirstByteMs, Long userToBotMs) {

        static TurnView of(Turn t) {
            TurnMetrics m = t.metrics();
            return new TurnView(lower(t.role()), t.text(), t.at(), t.tokens(), t.interrupted(),
                    boxed(m.sttLatencyMs()), boxed(m.llmFirstTokenMs()), boxed(m.ttsFirstByteMs()),
                    boxed(m.userToBotMs()));
        }

        private static Long boxed(OptionalLong value) {
            return value.isPresent() ? value.getAsLong() : null;
        }
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
