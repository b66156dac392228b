package io.parley.presentation.rest;

import io.parley.core.InvalidInputException;
import io.parley.core.auth.AccessToken;
import io.parley.core.port.in.IssueTokenUseCase;
import io.parley.core.session.PeerId;
import io.parley.core.tenant.Tenant;
import io.parley.presentation.security.TenantAuthentication;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.time.Instant;

/** Exchanges a tenant API key for a peer's access token. */
@Path("/api/v1/tokens")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class TokenResource {

    private final IssueTokenUseCase issueToken;
    private final TenantAuthentication tenants;

    public TokenResource(IssueTokenUseCase issueToken, TenantAuthentication tenants) {
        this.issueToken = issueToken;
        this.tenants = tenants;
    }

    @POST
    public TokenIssued issue(@HeaderParam("X-Api-Key") String apiKey,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, IssueTokenRequest body) {
        Tenant tenant = tenants.require(apiKey, authorization);
        if (body == null) {
            throw InvalidInputException.invalid("body {\"peerId\": ...} is required");
        }
        Duration ttl = body.ttlSeconds() == null ? null : Duration.ofSeconds(body.ttlSeconds());
        AccessToken token = issueToken.issue(new IssueTokenUseCase.Command(tenant.id(), new PeerId(body.peerId()), ttl));
        return new TokenIssued(token.token(), token.expiresAt());
    }

    /** Body of a token request; ttlSeconds defaults to 3600. */
    public record IssueTokenRequest(String peerId, Long ttlSeconds) {
    }

    /** A signed token and when it stops working. */
    public record TokenIssued(String token, Instant expiresAt) {
    }
}
