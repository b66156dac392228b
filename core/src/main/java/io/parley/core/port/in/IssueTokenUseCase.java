package io.parley.core.port.in;

import io.parley.core.InvalidInputException;
import io.parley.core.auth.AccessToken;
import io.parley.core.session.PeerId;
import io.parley.core.tenant.TenantId;
import java.time.Duration;
import java.util.Objects;

/** Exchanges a tenant's API key for a short-lived token for one peer. */
public interface IssueTokenUseCase {

    Duration DEFAULT_TTL = Duration.ofHours(1);
    Duration MAX_TTL = Duration.ofDays(1);

    AccessToken issue(Command command);

    /** Who the token is for and how long it lives (1 s to 24 h, 1 h when not given). */
    record Command(TenantId tenantId, PeerId peerId, Duration ttl) {

        public Command {
            Objects.requireNonNull(tenantId);
            Objects.requireNonNull(peerId);
            ttl = ttl == null ? DEFAULT_TTL : ttl;
            if (ttl.isNegative() || ttl.isZero() || ttl.compareTo(MAX_TTL) > 0) {
                throw InvalidInputException.invalid("ttlSeconds must be 1-" + MAX_TTL.toSeconds());
            }
        }
    }
}
