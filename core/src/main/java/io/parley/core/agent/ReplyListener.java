package io.parley.core.agent;

/** Hears an agent's reply as the model writes it: pieces, then exactly one end (unless it was stopped first). */
public interface ReplyListener {

    /** A piece of the answer, in order; joined, the pieces are the answer's text. */
    void onDelta(String text);

    /** The whole answer (its tokens, and whether it was cut at the longest answer kept). */
    void onComplete(AgentReply reply);

    /** The model failed, timed out, or is not configured. */
    void onFailure(AgentUnavailableException failure);
}
