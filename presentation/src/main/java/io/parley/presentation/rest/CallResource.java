package io.parley.presentation.rest;

import io.parley.core.call.Call;
import io.parley.core.call.CallId;
import io.parley.core.call.CallStatus;
import io.parley.core.conversation.PageRequest;
import io.parley.core.port.in.ReadCallsUseCase;
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
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Reads the tenant's phone calls, with their status history and conversation. */
@Path("/api/v1/calls")
@Produces(MediaType.APPLICATION_JSON)
public class CallResource {

    private final ReadCallsUseCase readCalls;
    private final TenantAuthentication tenants;

    public CallResource(ReadCallsUseCase readCalls, TenantAuthentication tenants) {
        this.readCalls = readCalls;
        this.tenants = tenants;
    }

    @GET
    public PageView list(@HeaderParam("X-Api-Key") String apiKey,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @QueryParam("status") String status,
            @QueryParam("page") @DefaultValue("0") String page, @QueryParam("size") @DefaultValue("20") String size) {
        Tenant tenant = tenants.require(apiKey, authorization);
        PageRequest request = new PageRequest(QueryNumbers.parse("page", page), QueryNumbers.parse("size", size));
        Optional<CallStatus> only = status == null || status.isEmpty() ? Optional.empty()
                : Optional.of(CallStatus.parse(status));
        return new PageView(readCalls.list(tenant.id(), only, request).stream().map(CallView::of).toList(),
                request.page(), request.size());
    }

    @GET
    @Path("/{id}")
    public CallView get(@HeaderParam("X-Api-Key") String apiKey,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") String id) {
        Tenant tenant = tenants.require(apiKey, authorization);
        return CallView.of(readCalls.get(tenant.id(), CallId.parse(id)));
    }

    /** One page of calls, newest first. */
    public record PageView(List<CallView> items, int page, int size) {
    }

    /** A call as the API shows it. */
    public record CallView(String id, String provider, String providerCallId, String from, String to,
            String direction, String status, List<StatusView> history, Instant startedAt, Instant endedAt,
            Long durationSeconds, String endedReason, String summary, String conversationId) {

        static CallView of(Call call) {
            return new CallView(call.id().toString(), call.provider().code(), call.providerCallId(), call.from(),
                    call.to(), call.direction().code(), call.status().code(),
                    call.history().stream().map(change -> new StatusView(change.status().code(), change.at())).toList(),
                    call.startedAt(), call.endedAt().orElse(null), call.duration().map(Duration::toSeconds).orElse(null),
                    call.endedReason().orElse(null), call.summary().orElse(null), call.conversationId().toString());
        }
    }

    /** One step of a call's status history. */
    public record StatusView(String status, Instant at) {
    }
}
