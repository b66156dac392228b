package io.parley.core.conversation;

/** How the user reached the agent. */
public enum Channel {
    WEB,
    PHONE
}
