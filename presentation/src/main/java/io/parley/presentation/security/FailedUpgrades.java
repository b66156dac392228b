package io.parley.presentation.security;

import io.netty.util.NetUtil;
import io.quarkus.websockets.next.HttpUpgradeCheck.CheckResult;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Counts failed socket upgrades (bad credentials) per client address, a minute at a time from the first;
 * past {@code parley.limits.failed-upgrades-per-minute} the address is refused (429) before its credentials
 * are checked, until its minute ends, so a flood of bad tokens costs the node almost nothing. IPv6 clients
 * count by their /64 (one host's whole range). Kept per node, for at most {@value #MOST_ADDRESSES} addresses.
 */
@ApplicationScoped
public class FailedUpgrades {

    static final Duration WINDOW = Duration.ofMinutes(1);
    static final int MOST_ADDRESSES = 100_000;
    private static final Logger LOG = Logger.getLogger(FailedUpgrades.class);

    private final int perMinute;
    private final LongSupplier millis;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private final AtomicLong lastSweepMs = new AtomicLong();

    /** Failures of one address since {@code startMs}. */
    private record Window(long startMs, int failures) {
    }

    @Inject
    public FailedUpgrades(@ConfigProperty(name = "parley.limits.failed-upgrades-per-minute", defaultValue = "60")
            int perMinute) {
        this(perMinute, System::currentTimeMillis);
    }

    FailedUpgrades(int perMinute, LongSupplier millis) {
        if (perMinute < 0) {
            throw new IllegalArgumentException("parley.limits.failed-upgrades-per-minute must not be negative");
        }
        this.perMinute = perMinute;
        this.millis = millis;
    }

    /** How long the address must wait before its next upgrade is tried, when it failed too often; else empty. */
    public Optional<Duration> refusal(String address) {
        if (perMinute == 0) {
            return Optional.empty();
        }
        Window window = windows.get(keyOf(address));
        long now = millis.getAsLong();
        if (window == null || window.failures < perMinute || now - window.startMs >= WINDOW.toMillis()) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofMillis(window.startMs + WINDOW.toMillis() - now));
    }

    /** The client address of an upgrade request (the forwarded one when proxy forwarding is on). */
    public static String addressOf(HttpServerRequest request) {
        return request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
    }

    /** The answer to an address refused for {@code retryAfter}: 429 with Retry-After in whole seconds. */
    public static Uni<CheckResult> tooMany(Duration retryAfter) {
        long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        return CheckResult.rejectUpgrade(429, Map.of("Retry-After", List.of(Long.toString(seconds))));
    }

    /** An upgrade from the address was refused for its credentials. */
    public void failed(String address) {
        if (perMinute == 0) {
            return;
        }
        long now = millis.getAsLong();
        String key = keyOf(address);
        if (windows.size() >= MOST_ADDRESSES && !windows.containsKey(key) && !sweep(now)) {
            return;
        }
        Window counted = windows.compute(key, (k, window) -> window == null || now - window.startMs >= WINDOW.toMillis()
                ? new Window(now, 1) : new Window(window.startMs, window.failures + 1));
        if (counted.failures == perMinute) {
            LOG.warnf("client address %s failed %d socket upgrades within a minute: refused with 429 for the rest"
                    + " of it", key, perMinute);
        }
    }

    /** Drops the windows that ended, at most once a second; true when there is room again. */
    private boolean sweep(long now) {
        long last = lastSweepMs.get();
        if (now - last >= 1000 && lastSweepMs.compareAndSet(last, now)) {
            windows.values().removeIf(window -> now - window.startMs >= WINDOW.toMillis());
        }
        return windows.size() < MOST_ADDRESSES;
    }

    /** The address as counted: an IPv4 address as is, an IPv6 address by its first 64 bits (never a DNS lookup). */
    static String keyOf(String address) {
        if (address == null) {
            return "unknown";
        }
        String literal = address.startsWith("[") && address.endsWith("]")
                ? address.substring(1, address.length() - 1) : address;
        byte[] bytes = NetUtil.createByteArrayFromIpAddressString(literal);
        if (bytes == null || bytes.length != 16) {
            return literal;
        }
        if (isIpv4Mapped(bytes)) {
            return NetUtil.bytesToIpAddress(Arrays.copyOfRange(bytes, 12, 16));
        }
        return NetUtil.bytesToIpAddress(Arrays.copyOf(Arrays.copyOf(bytes, 8), 16)) + "/64";
    }

    private static boolean isIpv4Mapped(byte[] ipv6) {
        for (int i = 0; i < 10; i++) {
            if (ipv6[i] != 0) {
                return false;
            }
        }
        return ipv6[10] == (byte) 0xff && ipv6[11] == (byte) 0xff;
    }
}
