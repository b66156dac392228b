package io.parley.core.session;

/**
 * How much one connection, and all connections of a node together, may hold in memory: frames
 * waiting to be written (count and bytes), frames received but not yet handled (bytes, and messages
 * waiting for the agent), frames kept for a resume, and how many agent answers a node runs at once.
 */
public record ConnectionLimits(int maxPendingFrames, long maxPendingBytes, long maxQueuedBytes,
        int maxQueuedMessages, int replayFrames, long replayBytes, long nodeBufferBytes, int maxConcurrentAnswers) {

    public ConnectionLimits {
        if (maxPendingFrames < 1 || maxPendingBytes < 1 || maxQueuedBytes < 1 || maxQueuedMessages < 1
                || replayFrames < 1 || replayBytes < 1 || nodeBufferBytes < 1 || maxConcurrentAnswers < 1) {
            throw new IllegalArgumentException("connection limits must be positive: " + this);
        }
    }

    /** The most one connection can make the node hold, whatever its client does. */
    public long worstCasePerConnection(long maxFrameBytes) {
        return maxPendingBytes + maxQueuedBytes + replayBytes + maxFrameBytes;
    }
}
