package io.parley.core.port.out;

import io.parley.core.conversation.ConversationId;

/**
 * Where a voice session's results go: the client's socket, or a phone call's media stream. Every call
 * is non-blocking and may come from any thread, one at a time.
 */
public interface VoiceOutput {

    /** The reason {@link #stopped} gives when the agent ended the conversation (a rule that hangs up). */
    String AGENT_ENDED = "agent_ended";

    /** Recognition and synthesis are connected; the session speaks in this conversation. */
    void started(ConversationId conversation);

    /** The session could not start, or cannot go on (a provider failed); it is over. */
    void unavailable(String reason);

    /** What the user is saying: an interim guess, or a finalized segment. */
    void transcript(String text, boolean isFinal);

    /** A piece of the agent's answer, as the model writes it. */
    void answerDelta(String delta);

    /** The agent's whole answer to the user's turn, or what of it was spoken before an interruption. */
    void answered(ConversationId conversation, String text, boolean interrupted);

    /** The agent could not answer the user's turn (the model failed); the session goes on listening. */
    void agentUnavailable(ConversationId conversation);

    /** The agent starts speaking turn {@code turnId}; audio follows. */
    void audioStart(String turnId);

    /** The agent's speech, in the session's format, in order. */
    void audio(byte[] audio);

    /** All of turn {@code turnId}'s audio was sent. */
    void audioEnd(String turnId);

    /** The user interrupted: drop turn {@code turnId}'s audio not yet played. */
    void audioClear(String turnId);

    /** The voice session ended ("stopped", "draining", or why it failed). */
    void stopped(String reason);
}
