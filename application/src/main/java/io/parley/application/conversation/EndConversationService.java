package io.parley.application.conversation;

import io.parley.core.NotFoundException;
import io.parley.core.conversation.ConversationId;
import io.parley.core.port.in.EndConversationUseCase;
import io.parley.core.port.out.ConversationRepository;
import io.parley.core.port.out.SessionRegistry;
import io.parley.core.session.ClientSession;
import io.parley.core.session.SessionId;
import java.time.Clock;

/** Ends the conversation a session is in, so its next message starts afresh. */
public class EndConversationService implements EndConversationUseCase {

    private final SessionRegistry sessions;
    private final ConversationRepository conversations;
    private final Clock clock;

    public EndConversationService(SessionRegistry sessions, ConversationRepository conversations, Clock clock) {
        this.sessions = sessions;
        this.conversations = conversations;
        this.clock = clock;
    }

    @Override
    public ConversationId endCurrent(SessionId sessionId) {
        ClientSession session = sessions.find(sessionId)
                .orElseThrow(() -> new IllegalStateException("session " + sessionId + " is not open"));
        ConversationId current = session.currentConversationId()
                .orElseThrow(() -> new NotFoundException("no conversation in progress"));
        conversations.end(current, clock.instant());
        session.continueConversation(null);
        return current;
    }
}
