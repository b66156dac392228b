package io.parley.presentation.rest;

import io.parley.core.InvalidInputException;
import io.parley.core.port.in.CreateTenantUseCase;
import io.parley.core.tenant.NewTenant;
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

/** Admin API: creates tenants. */
@Path("/api/v1/tenants")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class TenantResource {

    private final CreateTenantUseCase createTenant;
    private final AdminAuthentication admin;

    public TenantResource(CreateTenantUseCase createTenant, AdminAuthentication admin) {
        this.createTenant = createTenant;
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

    /** Body of a tenant creation. */
    public record CreateTenantRequest(String name) {
    }

    /** The new tenant, with the only copy of its API key. */
    public record TenantCreated(String id, String name, String apiKey, Instant createdAt) {
    }
}
