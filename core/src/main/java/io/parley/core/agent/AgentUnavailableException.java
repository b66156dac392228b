package io.parley.core.agent;

/** The agent could not answer: the model failed, timed out, or is not configured. */
public class AgentUnavailableException extends Exception {

    public AgentUnavailableException(String message) {
        super(message);
    }

    public AgentUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
