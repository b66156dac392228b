package io.parley.core.session;

/** Operator-set limits on client sessions: connections per node, message rate, message size, agent context. */
public record SessionLimits(int maxConnections, int messagesPerMinute, int maxTextChars, int contextTurns) {

    public SessionLimits {
        positive(maxConnections, "maxConnections");
        positive(messagesPerMinute, "messagesPerMinute");
        positive(maxTextChars, "maxTextChars");
        positive(contextTurns, "contextTurns");
    }

    private static void positive(int value, String name) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, was " + value);
        }
    }
}
