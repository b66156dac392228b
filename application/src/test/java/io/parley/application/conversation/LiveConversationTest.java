package io.parley.application.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.parley.core.conversation.ConversationId;
import io.parley.core.conversation.Turn;
import io.parley.core.port.out.ConversationContextCache;
import io.parley.core.port.out.ConversationRepository;
import io.parley.core.port.out.IdGenerator;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class LiveConversationTest {

    private final ConversationContextCache cache = mock(ConversationContextCache.class);
    private final ConversationRepository repository = mock(ConversationRepository.class);
    private final ConversationTurns turns = new ConversationTurns(repository,
            new ConversationContext(cache, repository, 3), mock(IdGenerator.class));
    private final ConversationId id = new ConversationId(UUID.randomUUID());
    private final Instant at = Instant.parse("2026-01-01T10:00:00Z");

    @Test
    void rememberedTurnsExtendTheContextReadOnceAndKeepItsLength() {
        when(cache.recent(id)).thenReturn(Optional.of(List.of(Turn.user("a", at), Turn.assistant("b", at, 1))));
        LiveConversation live = turns.live(id);
        assertThat(live.remember(Turn.user("c", at))).extracting(Turn::text).containsExactly("a", "b", "c");
        assertThat(live.remember(Turn.assistant("d", at, 1))).extracting(Turn::text).containsExactly("b", "c", "d");
        verify(cache).recent(id);
        verifyNoInteractions(repository);
    }

    @Test
    void rememberingStoresNothingAndStoringAppendsToTheRepositoryAndTheCache() {
        when(cache.recent(id)).thenReturn(Optional.of(List.of()));
        LiveConversation live = turns.live(id);
        Turn turn = Turn.user("hello", at);
        live.remember(turn);
        verifyNoInteractions(repository);
        live.store(turn);
        verify(repository).appendTurn(id, turn);
        verify(cache).append(id, turn, 3);
    }
}
