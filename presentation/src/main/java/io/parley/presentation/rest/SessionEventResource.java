package io.parley.presentation.rest;

import io.parley.core.port.in.ListSessionEventsUseCase;
import io.parley.core.session.SessionEvent;
import io.parley.core.session.SessionId;
import io.parley.core.tenant.Tenant;
import io.parley.presentation.security.TenantAuthentication;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The tenant's session audit trail: connections, disconnections, refusals. */
@Path("/api/v1/session-events")
@Produces(MediaType.APPLICATION_JSON)
public class SessionEventResource {

    private final ListSessionEventsUseCase listEvents;
    private final TenantAuthentication tenants;

    public SessionEventResource(ListSessionEventsUseCase listEvents, TenantAuthentication tenants) {
        this.listEvents = listEvents;
        this.tenants = tenants;
    }

    @GET
    public EventsView recent(@HeaderParam("X-Api-Key") String apiKey,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @QueryParam("limit") @DefaultValue("100") String limit) {
        Tenant tenant = tenants.require(apiKey, authorization);
        return new EventsView(listEvents.recent(tenant.id(), QueryNumbers.parse("limit", limit)).stream()
                .map(EventView::of).toList());
    }

    /** The events, newest first. */
    public record EventsView(List<EventView> items) {
    }

    /** One audit event as the API shows it; a repeated refusal shows its first time and how often it happened. */
    public record EventView(String type, Instant at, String peerId, String sessionId, String reason, Long durationMs,
            long messageCount, long tokensUsed, int occurrences) {

        static EventView of(SessionEvent e) {
            return new EventView(e.type().code(), e.at(), e.peerId().orElse(null),
                    e.sessionId().map(SessionId::toString).orElse(null), e.reason().orElse(null),
                    e.duration().map(Duration::toMillis).orElse(null), e.messageCount(), e.tokensUsed(),
                    e.occurrences());
        }
    }
}
