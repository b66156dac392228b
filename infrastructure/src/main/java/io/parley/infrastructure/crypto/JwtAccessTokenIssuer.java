package io.parley.infrastructure.crypto;

import io.parley.core.auth.AccessToken;
import io.parley.core.auth.AuthenticatedPeer;
import io.parley.core.port.out.AccessTokenIssuer;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** Signs RS256 JWTs: iss and aud "parley", sub the peer id, claim "tenant", iat, exp and jti. */
@ApplicationScoped
public class JwtAccessTokenIssuer implements AccessTokenIssuer {

    static final String ISSUER = "parley";
    static final String AUDIENCE = "parley";
    static final String TENANT_CLAIM = "tenant";

    private final RsaSigningKeys keys;
    private final Clock clock;

    public JwtAccessTokenIssuer(RsaSigningKeys keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    @Override
    public AccessToken issue(AuthenticatedPeer peer, Duration ttl) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant expiresAt = now.plus(ttl);
        String token = Jwt.issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(peer.peerId().value())
                .claim(TENANT_CLAIM, peer.tenantId().toString())
                .issuedAt(now)
                .expiresAt(expiresAt)
                .claim("jti", UUID.randomUUID().toString())
                .jws()
                .algorithm(SignatureAlgorithm.RS256)
                .sign(keys.privateKey());
        return new AccessToken(token, expiresAt);
    }
}
