package io.parley.application.auth;

import io.parley.core.auth.AuthenticatedPeer;
import io.parley.core.auth.InvalidTokenException;
import io.parley.core.auth.PeerAuthentication;
import io.parley.core.auth.PeerCredentials;
import io.parley.core.port.in.AuthenticatePeerUseCase;
import io.parley.core.port.out.AccessTokenVerifier;
import io.parley.core.port.out.AuditTrail;
import io.parley.core.port.out.TenantRepository;
import io.parley.core.session.PeerId;
import io.parley.core.session.SessionEvent;
import io.parley.core.tenant.ApiKey;
import io.parley.core.tenant.TenantId;
import java.time.Clock;
import java.util.Optional;

/**
 * Checks a connecting client's bearer token (its subject must be the requested peer) or API key
 * (which may act as any peer of its tenant), and audits every refusal.
 */
public class AuthenticatePeerService implements AuthenticatePeerUseCase {

    private final AccessTokenVerifier verifier;
    private final TenantRepository tenants;
    private final AuditTrail events;
    private final Clock clock;

    public AuthenticatePeerService(AccessTokenVerifier verifier, TenantRepository tenants,
            AuditTrail events, Clock clock) {
        this.verifier = verifier;
        this.tenants = tenants;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public PeerAuthentication authenticate(PeerCredentials credentials) {
        return decide(credentials);
    }

    private PeerAuthentication decide(PeerCredentials credentials) {
        if (!PeerId.isValid(credentials.requestedPeer())) {
            return refuse(Optional.empty(), credentials, new PeerAuthentication.Forbidden("invalid peer id"));
        }
        PeerId peer = new PeerId(credentials.requestedPeer());
        if (credentials.bearerToken().isPresent()) {
            try {
                AuthenticatedPeer holder = verifier.verify(credentials.bearerToken().get());
                return holder.peerId().equals(peer)
                        ? new PeerAuthentication.Granted(holder)
                        : refuse(Optional.of(holder.tenantId()), credentials,
                                new PeerAuthentication.Forbidden("token is for another peer"));
            } catch (InvalidTokenException e) {
                return refuse(Optional.empty(), credentials,
                        new PeerAuthentication.Unauthenticated("invalid token: " + e.getMessage()));
            }
        }
        if (credentials.apiKey().isPresent()) {
            ApiKey key = ApiKey.presented(credentials.apiKey().get());
            return tenants.findByApiKeyHash(key.hash())
                    .<PeerAuthentication>map(t -> new PeerAuthentication.Granted(new AuthenticatedPeer(t.id(), peer)))
                    .orElseGet(() -> refuse(Optional.empty(), credentials,
                            new PeerAuthentication.Unauthenticated("unknown api key")));
        }
        return refuse(Optional.empty(), credentials, new PeerAuthentication.Unauthenticated("no credentials"));
    }

    private PeerAuthentication refuse(Optional<TenantId> tenant, PeerCredentials credentials,
            PeerAuthentication.Refused refusal) {
        events.record(SessionEvent.authFailed(tenant, credentials.requestedPeer(), refusal.reason(), clock.instant()));
        return refusal;
    }
}
