package io.parley.application.conversation;

import io.parley.core.port.out.RateLimiter;
import io.parley.core.session.ClientSession;
import java.lang.System.Logger.Level;
import java.time.Duration;

/**
 * The per tenant+peer message budget: one shared window per minute across nodes and reconnects.
 * When the limiter's store is unreachable, messages are let through rather than lost.
 */
public class MessageRateLimit {

    private static final System.Logger LOG = System.getLogger(MessageRateLimit.class.getName());
    private static final Duration WINDOW = Duration.ofMinutes(1);

    private final RateLimiter limiter;
    private final int perMinute;

    public MessageRateLimit(RateLimiter limiter, int perMinute) {
        this.limiter = limiter;
        this.perMinute = perMinute;
    }

    public RateLimiter.Decision tryAcquire(ClientSession session) {
        String key = "messages:" + session.tenantId() + ":" + session.peerId();
        try {
            return limiter.tryAcquire(key, perMinute, WINDOW);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "rate limiter unavailable, allowing message: {0}", e.getMessage());
            return new RateLimiter.Decision(true, 0);
        }
    }
}
