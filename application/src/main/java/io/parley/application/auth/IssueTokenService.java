package io.parley.application.auth;

import io.parley.core.auth.AccessToken;
import io.parley.core.auth.AuthenticatedPeer;
import io.parley.core.port.in.IssueTokenUseCase;
import io.parley.core.port.out.AccessTokenIssuer;

/** Issues a signed access token for a peer of an authenticated tenant. */
public class IssueTokenService implements IssueTokenUseCase {

    private final AccessTokenIssuer issuer;

    public IssueTokenService(AccessTokenIssuer issuer) {
        this.issuer = issuer;
    }

    @Override
    public AccessToken issue(Command command) {
        return issuer.issue(new AuthenticatedPeer(command.tenantId(), command.peerId()), command.ttl());
    }
}
