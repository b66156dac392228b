package io.parley.application.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.parley.core.conversation.ConversationId;
import io.parley.core.conversation.Turn;
import io.parley.core.port.out.ConversationContextCache;
import io.parley.core.port.out.ConversationRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ConversationContextTest {

    private final ConversationContextCache cache = mock(ConversationContextCache.class);
    private final ConversationRepository conversations = mock(ConversationRepository.class);
    private final ConversationContext context = new ConversationContext(cache, conversations, 3);
    private final ConversationId id = new ConversationId(UUID.randomUUID());
    private final Instant at = Instant.now();

    @Test
    void aCachedConversationGetsTheNewTurnAppendedAndCapped() {
        when(cache.recent(id)).thenReturn(Optional.of(List.of(Turn.user("a", at), Turn.user("b", at),
                Turn.user("c", at))));
        List<Turn> turns = context.afterTurn(id, Turn.user("d", at));
        assertThat(turns).extracting(Turn::text).containsExactly("b", "c", "d");
        verify(cache).append(id, Turn.user("d", at), 3);
    }

    @Test
    void aMissIsRebuiltFromTheRepository() {
        when(cache.recent(id)).thenReturn(Optional.empty());
        List<Turn> stored = List.of(Turn.user("x", at), Turn.user("y", at));
        when(conversations.lastTurns(id, 3)).thenReturn(stored);
        assertThat(context.afterTurn(id, Turn.user("y", at))).isEqualTo(stored);
        verify(cache).replace(id, stored, 3);
    }

    @Test
    void anUnreachableCacheFallsBackToTheRepository() {
        when(cache.recent(any())).thenThrow(new IllegalStateException("redis down"));
        List<Turn> stored = List.of(Turn.user("x", at));
        when(conversations.lastTurns(id, 3)).thenReturn(stored);
        assertThat(context.afterTurn(id, Turn.user("x", at))).isEqualTo(stored);
    }

    @Test
    void recentTurnsComeFromTheCacheCappedWithoutAddingAnything() {
        when(cache.recent(id)).thenReturn(Optional.of(List.of(Turn.user("a", at), Turn.user("b", at),
                Turn.user("c", at), Turn.user("d", at))));
        assertThat(context.recent(id)).extracting(Turn::text).containsExactly("b", "c", "d");
        verify(cache, never()).append(any(), any(), anyInt());
    }

    @Test
    void recentTurnsMissingFromTheCacheAreRebuiltFromTheRepository() {
        when(cache.recent(id)).thenReturn(Optional.empty());
        List<Turn> stored = List.of(Turn.user("x", at));
        when(conversations.lastTurns(id, 3)).thenReturn(stored);
        assertThat(context.recent(id)).isEqualTo(stored);
        verify(cache).replace(id, stored, 3);
    }

    @Test
    void recentTurnsAreReadFromTheRepositoryWhenTheCacheIsUnreachable() {
        when(cache.recent(any())).thenThrow(new IllegalStateException("redis down"));
        List<Turn> stored = List.of(Turn.user("x", at));
        when(conversations.lastTurns(id, 3)).thenReturn(stored);
        assertThat(context.recent(id)).isEqualTo(stored);
    }
}
