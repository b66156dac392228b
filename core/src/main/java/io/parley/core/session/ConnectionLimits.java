package io.parley.core.session;

/**
 * How much one connection, and all connections of a node together, may hold in memory: frames
 * waiting to be written (count and bytes), frames received but not yet handled (bytes, and messages
 * waiting for the agent), frames kept for a resume, and how many agent answers a node runs at once.
 */
public record ConnectionLimits(int maxPendingFrames, long maxPendingBytes, long maxQueuedBytes,
        int maxQueuedMessages, int replayFrames, long replayBytes, long nodeBufferBytes, int maxConcurrentAnswers) {

    /** What a frame may cost beyond its text while it waits, counted generously. */
    static final int PER_FRAME = 128;
    /** The welcome and resumed frames before a replay. */
    static final int OPENING_FRAMES = 4096;

    public ConnectionLimits {
        if (maxPendingFrames < 1 || maxPendingBytes < 1 || maxQueuedBytes < 1 || maxQueuedMessages < 1
                || replayFrames < 1 || replayBytes < 1 || nodeBufferBytes < 1 || maxConcurrentAnswers < 1) {
            throw new IllegalArgumentException("connection limits must be positive: " + this);
        }
        if (maxPendingBytes < replayBudget(replayFrames, replayBytes)) {
            throw new IllegalArgumentException("parley.limits.max-pending-bytes (" + maxPendingBytes + ") must hold a "
                    + "whole resume replay: at least " + replayBudget(replayFrames, replayBytes) + " bytes for "
                    + replayFrames + " frames / " + replayBytes + " bytes kept (parley.session.resume.*)");
        }
    }

    /** What a resume may write at once: the frames kept before the drop and while away, with their overhead. */
    static long replayBudget(int replayFrames, long replayBytes) {
        return 2 * replayBytes + 2L * replayFrames * PER_FRAME + OPENING_FRAMES;
    }

    /** The most one connection can make the node hold, whatever its client does. */
    public long worstCasePerConnection(long maxFrameBytes) {
        return maxPendingBytes + maxQueuedBytes + replayBytes + maxFrameBytes;
    }
}
