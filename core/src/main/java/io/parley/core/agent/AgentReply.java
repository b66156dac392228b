package io.parley.core.agent;

/** An agent's complete answer and the tokens it cost. */
public record AgentReply(String text, long tokens) {
}
