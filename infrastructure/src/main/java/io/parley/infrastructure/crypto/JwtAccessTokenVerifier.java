package io.parley.infrastructure.crypto;

import io.parley.core.InvalidInputException;
import io.parley.core.auth.AuthenticatedPeer;
import io.parley.core.auth.InvalidTokenException;
import io.parley.core.port.out.AccessTokenVerifier;
import io.parley.core.session.PeerId;
import io.parley.core.tenant.TenantId;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Verifies access tokens: RS256 only, our key, issuer and audience "parley", not expired (no grace). */
@ApplicationScoped
public class JwtAccessTokenVerifier implements AccessTokenVerifier {

    private final DefaultJWTParser parser;

    public JwtAccessTokenVerifier(RsaSigningKeys keys) {
        JWTAuthContextInfo context = new JWTAuthContextInfo(keys.publicKey(), JwtAccessTokenIssuer.ISSUER);
        context.setExpectedAudience(Set.of(JwtAccessTokenIssuer.AUDIENCE));
        context.setSignatureAlgorithm(Set.of(SignatureAlgorithm.RS256));
        context.setExpGracePeriodSecs(0);
        context.setClockSkew(0);
        context.setRequiredClaims(Set.of("sub", JwtAccessTokenIssuer.TENANT_CLAIM, "exp", "iat"));
        this.parser = new DefaultJWTParser(context);
    }

    @Override
    public AuthenticatedPeer verify(String token) throws InvalidTokenException {
        JsonWebToken jwt;
        try {
            jwt = parser.parse(token);
        } catch (ParseException e) {
            throw new InvalidTokenException("signature, issuer, audience or expiry check failed");
        }
        try {
            String tenant = jwt.getClaim(JwtAccessTokenIssuer.TENANT_CLAIM).toString().replace("\"", "");
            return new AuthenticatedPeer(new TenantId(UUID.fromString(tenant)), new PeerId(jwt.getSubject()));
        } catch (IllegalArgumentException | InvalidInputException | NullPointerException e) {
            throw new InvalidTokenException("token claims are malformed");
        }
    }
}
