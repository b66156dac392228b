package io.parley.presentation.rest;

import io.parley.core.InvalidInputException;
import io.parley.core.port.in.CreateTenantUseCase;
import com.fasterxml.jackson.databind.JsonNode;
import io.parley.core.port.in.SetTenantLimitsUseCase;
import io.parley.core.tenant.NewTenant;
import io.parley.core.tenant.Tenant;
import io.parley.core.tenant.TenantId;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.PathParam;
import java.util.Optional;
import java.util.UUID;
import io.parley.presentation.security.AdminAuthentication;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;

/** Admin API: creates tenants and sets their connection caps. */
@Path("/api/v1/tenants")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class TenantResource {

    private final CreateTenantUseCase createTenant;
    private final SetTenantLimitsUseCase setLimits;
    private final AdminAuthentication admin;

    public TenantResource(CreateTenantUseCase createTenant, SetTenantLimitsUseCase setLimits,
            AdminAuthentication admin) {
        this.createTenant = createTenant;
        this.setLimits = setLimits;
        this.admin = admin;
    }

    @POST
    public Response create(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, CreateTenantRequest body) {
        admin.require(authorization);
        if (body == null) {
            throw InvalidInputException.invalid("body {\"name\": ...} is required");
        }
        NewTenant created = createTenant.create(body.name());
        return Response.status(Response.Status.CREATED)
                .entity(new TenantCreated(created.tenant().id().toString(), created.tenant().name(),
                        created.apiKey().value(), created.tenant().createdAt()))
                .build();
    }

    @PATCH
    @Path("/{id}")
    public TenantView update(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") String id,
            JsonNode body) {
        admin.require(authorization);
        if (body == null || !body.isObject() || !body.has("maxConnections")) {
            throw InvalidInputException.invalid("body {\"maxConnections\": <1 or more, or null>} is required");
        }
        JsonNode cap = body.get("maxConnections");
        if (!cap.isNull() && !(cap.isIntegralNumber() && cap.canConvertToInt())) {
            throw InvalidInputException.invalid("maxConnections must be an integer of 1 or more, or null");
        }
        Tenant tenant = setLimits.setMaxConnections(parseId(id), cap.isNull() ? Optional.empty()
                : Optional.of(cap.asInt()));
        return new TenantView(tenant.id().toString(), tenant.name(), tenant.createdAt(),
                tenant.maxConnections().orElse(null));
    }

    private static TenantId parseId(String id) {
        try {
            return new TenantId(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("invalid_id", "tenant id must be a UUID");
        }
    }

    /** A tenant as the admin API shows it (never with keys). */
    public record TenantView(String id, String name, Instant createdAt, Integer maxConnections) {
    }

    /** Body of a tenant creation. */
    public record CreateTenantRequest(String name) {
    }

    /** The new tenant, with the only copy of its API key. */
    public record TenantCreated(String id, String name, String apiKey, Instant createdAt) {
    }
}
