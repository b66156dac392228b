package io.parley.infrastructure.crypto;

import io.parley.core.call.CallGrant;
import io.parley.core.call.CallId;
import io.parley.core.port.out.CallTokens;
import io.parley.core.tenant.TenantId;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Call tokens as RS256 JWTs signed with the node's (cluster-wide) signing key: audience "parley-call"
 * (so a peer's access token is never a call token, nor the reverse), sub the provider's call id,
 * claims "call" and "tenant", a short expiry.
 */
@ApplicationScoped
public class JwtCallTokens implements CallTokens {

    static final String AUDIENCE = "parley-call";
    private static final String CALL_CLAIM = "call";
    private static final String TENANT_CLAIM = "tenant";

    private final RsaSigningKeys keys;
    private final Clock clock;
    private final DefaultJWTParser parser;

    public JwtCallTokens(RsaSigningKeys keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
        JWTAuthContextInfo context = new JWTAuthContextInfo(keys.publicKey(), JwtAccessTokenIssuer.ISSUER);
        context.setExpectedAudience(Set.of(AUDIENCE));
        context.setSignatureAlgorithm(Set.of(SignatureAlgorithm.RS256));
        context.setExpGracePeriodSecs(0);
        context.setClockSkew(0);
        context.setRequiredClaims(Set.of("sub", CALL_CLAIM, TENANT_CLAIM, "exp", "iat"));
        this.parser = new DefaultJWTParser(context);
    }

    @Override
    public String issue(CallGrant grant, Duration ttl) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        return Jwt.issuer(JwtAccessTokenIssuer.ISSUER)
                .audience(AUDIENCE)
                .subject(grant.providerCallId())
                .claim(CALL_CLAIM, grant.callId().toString())
                .claim(TENANT_CLAIM, grant.tenantId().toString())
                .issuedAt(now)
                .expiresAt(now.plus(ttl))
                .jws()
                .algorithm(SignatureAlgorithm.RS256)
                .sign(keys.privateKey());
    }

    @Override
    public Optional<CallGrant> verify(String token) {
        if (token == null || token.isBlank() || token.length() > 4096) {
            return Optional.empty();
        }
        try {
            JsonWebToken jwt = parser.parse(token);
            return Optional.of(new CallGrant(new CallId(UUID.fromString(claim(jwt, CALL_CLAIM))),
                    new TenantId(UUID.fromString(claim(jwt, TENANT_CLAIM))), jwt.getSubject()));
        } catch (ParseException | IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }

    private static String claim(JsonWebToken jwt, String name) {
        return jwt.getClaim(name).toString().replace("\"", "");
    }
}
