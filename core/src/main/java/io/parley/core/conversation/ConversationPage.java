package io.parley.core.conversation;

import java.util.List;

/** One page of a tenant's conversations, newest first. */
public record ConversationPage(List<Conversation> items, int page, int size, long total) {

    public ConversationPage {
        items = List.copyOf(items);
    }
}
