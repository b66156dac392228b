package io.parley.presentation.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.core.conversation.ConversationId;
import io.parley.core.conversation.Turn;
import io.parley.core.port.out.ConversationContextCache;
import io.parley.core.port.out.RateLimiter;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The contracts of the Redis-backed {@link RateLimiter} and {@link ConversationContextCache}. */
@QuarkusTest
class RedisAdaptersContractTest {

    @Inject
    RateLimiter limiter;

    @Inject
    ConversationContextCache cache;

    @Inject
    io.parley.core.port.out.ConnectionQuota quota;

    @Test
    void rateLimiterAllowsTheLimitPerWindowThenRefusesUntilTheWindowResets() throws Exception {
        String key = "test:" + UUID.randomUUID();
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.tryAcquire(key, 3, Duration.ofMillis(600)).allowed()).isTrue();
        }
        RateLimiter.Decision refused = limiter.tryAcquire(key, 3, Duration.ofMillis(600));
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfterMs()).isBetween(1L, 600L);
        assertThat(limiter.tryAcquire("test:" + UUID.randomUUID(), 3, Duration.ofMillis(600)).allowed()).isTrue();
        Thread.sleep(refused.retryAfterMs() + 50);
        assertThat(limiter.tryAcquire(key, 3, Duration.ofMillis(600)).allowed()).isTrue();
    }

    @Test
    void contextCacheIsEmptyUntilFilledAndKeepsOnlyTheLastTurns() {
        ConversationId id = new ConversationId(UUID.randomUUID());
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        assertThat(cache.recent(id)).isEmpty();
        cache.append(id, Turn.user("ignored while not cached", at), 3);
        assertThat(cache.recent(id)).isEmpty();

        cache.replace(id, IntStream.range(0, 5).mapToObj(i -> Turn.user("t" + i, at)).toList(), 3);
        assertThat(cache.recent(id).orElseThrow()).extracting(Turn::text).containsExactly("t2", "t3", "t4");
        cache.append(id, Turn.assistant("answer", at, 9), 3);
        List<Turn> turns = cache.recent(id).orElseThrow();
        assertThat(turns).extracting(Turn::text).containsExactly("t3", "t4", "answer");
        assertThat(turns.get(2)).isEqualTo(Turn.assistant("answer", at, 9));
    }

    @Test
    void replacingWithNothingLeavesTheCacheEmpty() {
        ConversationId id = new ConversationId(UUID.randomUUID());
        cache.replace(id, List.of(Turn.user("x", Instant.now())), 5);
        cache.replace(id, List.of(), 5);
        assertThat(cache.recent(id)).isEmpty();
    }

    @Test
    void aTenantsCountIsReleasedOnlyByTheNodeThatHoldsTheSession() {
        var tenant = new io.parley.core.tenant.TenantId(UUID.randomUUID());
        var session = new io.parley.core.session.SessionId(UUID.randomUUID());
        assertThat(quota.acquire(tenant, session, "node-b", 1)).isTrue();
        quota.release(tenant, session, "node-a");
        assertThat(quota.acquire(tenant, new io.parley.core.session.SessionId(UUID.randomUUID()), "node-a", 1))
                .as("still counted: the release came from a node that no longer holds it").isFalse();
        quota.release(tenant, session, "node-b");
        assertThat(quota.acquire(tenant, new io.parley.core.session.SessionId(UUID.randomUUID()), "node-a", 1))
                .isTrue();
    }
}
