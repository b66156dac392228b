package io.parley.presentation.ws;

import io.parley.core.auth.AuthenticatedPeer;
import io.parley.core.auth.PeerAuthentication;
import io.parley.core.auth.PeerCredentials;
import io.parley.core.port.in.AuthenticatePeerUseCase;
import io.parley.core.port.in.MaintainClusterUseCase;
import io.parley.presentation.security.BearerTokens;
import io.parley.presentation.security.FailedUpgrades;
import io.parley.presentation.security.OriginPolicy;
import io.quarkus.websockets.next.HttpUpgradeCheck;
import io.quarkus.websockets.next.UserData;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * Authenticates the signalling socket before the upgrade: bearer header, {@code access_token}
 * query parameter, or X-Api-Key. 401 without valid credentials, 403 for another peer's token or a
 * disallowed browser origin, 429 (with Retry-After) to an address that failed too often (see
 * {@link FailedUpgrades}), 503 while the node drains or has not joined the cluster. The check runs
 * on a worker, unordered (never queued behind other sockets' work); the authenticated peer travels
 * to the socket in the connection's user data.
 */
@ApplicationScoped
public class SignalUpgradeCheck implements HttpUpgradeCheck {

    static final UserData.TypedKey<AuthenticatedPeer> PEER = new UserData.TypedKey<>("parley.peer");
    /** Answered (to nobody) when the client dropped the connection while its credentials were checked. */
    private static final int CLIENT_GONE = 499;

    private final AuthenticatePeerUseCase authenticate;
    private final OriginPolicy origins;
    private final Vertx vertx;
    private final NodeLifecycle lifecycle;
    private final MaintainClusterUseCase cluster;
    private final FailedUpgrades failures;

    public SignalUpgradeCheck(AuthenticatePeerUseCase authenticate, OriginPolicy origins, Vertx vertx,
            NodeLifecycle lifecycle, MaintainClusterUseCase cluster, FailedUpgrades failures) {
        this.authenticate = authenticate;
        this.origins = origins;
        this.vertx = vertx;
        this.lifecycle = lifecycle;
        this.cluster = cluster;
        this.failures = failures;
    }

    @Override
    public boolean appliesTo(String endpointId) {
        return SignalSocket.ENDPOINT_ID.equals(endpointId);
    }

    @Override
    public Uni<CheckResult> perform(HttpUpgradeContext context) {
        HttpServerRequest request = context.httpRequest();
        if (lifecycle.isDraining() || !cluster.hasJoined()) {
            return CheckResult.rejectUpgrade(503);
        }
        if (!origins.allows(request.getHeader(HttpHeaders.ORIGIN))) {
            return CheckResult.rejectUpgrade(403);
        }
        String address = FailedUpgrades.addressOf(request);
        Optional<Uni<CheckResult>> tooMany = failures.refusal(address).map(FailedUpgrades::tooMany);
        if (tooMany.isPresent()) {
            return tooMany.get();
        }
        PeerCredentials credentials = new PeerCredentials(context.pathParam("peerId"), bearerToken(request),
                Optional.ofNullable(request.getHeader("X-Api-Key")).filter(k -> !k.isBlank()));
        return vertx.executeBlocking(Uni.createFrom().item(() -> authenticate.authenticate(credentials)), false)
                .map(result -> {
                    if (request.response().closed()) {
                        return CheckResult.rejectUpgradeSync(CLIENT_GONE);
                    }
                    if (result instanceof PeerAuthentication.Granted granted) {
                        context.userData().put(PEER, granted.peer());
                        return CheckResult.permitUpgradeSync();
                    }
                    failures.failed(address);
                    return CheckResult.rejectUpgradeSync(result instanceof PeerAuthentication.Forbidden ? 403 : 401);
                });
    }

    /** The bearer token from the Authorization header, else from the access_token query parameter. */
    private static Optional<String> bearerToken(HttpServerRequest request) {
        return BearerTokens.from(request.getHeader(HttpHeaders.AUTHORIZATION))
                .or(() -> Optional.ofNullable(request.getParam("access_token")).filter(t -> !t.isBlank()));
    }
}
