package io.parley.core.port.in;

import io.parley.core.conversation.ConversationId;
import io.parley.core.session.SessionId;

/** Ends the session's current conversation; the next message starts a new one. */
public interface EndConversationUseCase {

    /** Returns the conversation that was ended; throws NotFoundException when there is none. */
    ConversationId endCurrent(SessionId sessionId);
}
