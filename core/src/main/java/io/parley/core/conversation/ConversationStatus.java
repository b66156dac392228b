package io.parley.core.conversation;

/** Whether a conversation can still take turns. */
public enum ConversationStatus {
    ACTIVE,
    ENDED
}
