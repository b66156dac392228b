package io.parley.presentation.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.core.conversation.Channel;
import io.parley.core.conversation.Conversation;
import io.parley.core.conversation.ConversationId;
import io.parley.core.conversation.ConversationPage;
import io.parley.core.conversation.ConversationStatus;
import io.parley.core.conversation.PageRequest;
import io.parley.core.conversation.Turn;
import io.parley.core.port.in.CreateTenantUseCase;
import io.parley.core.port.out.AgentRepository;
import io.parley.core.port.out.ConversationRepository;
import io.parley.core.session.PeerId;
import io.parley.core.tenant.TenantId;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The contract of {@link ConversationRepository}. */
@QuarkusTest
class ConversationRepositoryContractTest {

    @Inject
    ConversationRepository conversations;

    @Inject
    AgentRepository agents;

    @Inject
    CreateTenantUseCase createTenant;

    private final Instant t0 = Instant.now().truncatedTo(ChronoUnit.MICROS);

    private Conversation started(TenantId tenant, String peer, Instant at) {
        Conversation c = Conversation.start(new ConversationId(UUID.randomUUID()), tenant, new PeerId(peer),
                Channel.WEB, agents.findDefault(tenant).orElseThrow().id(), at);
        conversations.create(c);
        return c;
    }

    @Test
    void turnsComeBackInTheOrderTheyWereAppended() {
        TenantId tenant = createTenant.create("Turns").tenant().id();
        Conversation c = started(tenant, "alice", t0);
        for (int i = 0; i < 5; i++) {
            conversations.appendTurn(c.id(), Turn.user("u" + i, t0));
            conversations.appendTurn(c.id(), Turn.assistant("a" + i, t0, i));
        }
        Conversation found = conversations.findById(c.id()).orElseThrow();
        assertThat(found.turns()).hasSize(10);
        assertThat(found.turns().get(0).text()).isEqualTo("u0");
        assertThat(found.turns().get(9).text()).isEqualTo("a4");
        assertThat(found.turns().get(9).tokens()).isEqualTo(4);
        assertThat(conversations.lastTurns(c.id(), 3)).extracting(Turn::text).containsExactly("a3", "u4", "a4");
        assertThat(conversations.lastTurns(c.id(), 50)).hasSize(10);
    }

    @Test
    void endingMarksTheConversationEndedOnce() {
        TenantId tenant = createTenant.create("Ending").tenant().id();
        Conversation c = started(tenant, "alice", t0);
        conversations.end(c.id(), t0.plusSeconds(5));
        conversations.end(c.id(), t0.plusSeconds(9));
        Conversation found = conversations.findById(c.id()).orElseThrow();
        assertThat(found.status()).isEqualTo(ConversationStatus.ENDED);
        assertThat(found.endedAt()).contains(t0.plusSeconds(5));
    }

    @Test
    void listingIsPerTenantNewestFirstPagedAndFilterable() {
        TenantId tenant = createTenant.create("Listing").tenant().id();
        TenantId other = createTenant.create("Other").tenant().id();
        Conversation old = started(tenant, "alice", t0.minusSeconds(30));
        Conversation mid = started(tenant, "bob", t0.minusSeconds(20));
        Conversation recent = started(tenant, "alice", t0.minusSeconds(10));
        started(other, "alice", t0);
        conversations.appendTurn(recent.id(), Turn.user("hi", t0));

        ConversationPage first = conversations.findByTenant(tenant, Optional.empty(), new PageRequest(0, 2));
        assertThat(first.total()).isEqualTo(3);
        assertThat(first.items()).extracting(Conversation::id).containsExactly(recent.id(), mid.id());
        assertThat(first.items().get(0).turns()).extracting(Turn::text).containsExactly("hi");
        ConversationPage second = conversations.findByTenant(tenant, Optional.empty(), new PageRequest(1, 2));
        assertThat(second.items()).extracting(Conversation::id).containsExactly(old.id());
        ConversationPage alice = conversations.findByTenant(tenant, Optional.of(new PeerId("alice")),
                new PageRequest(0, 10));
        assertThat(alice.items()).extracting(Conversation::id).containsExactly(recent.id(), old.id());
        assertThat(conversations.findByTenant(new TenantId(UUID.randomUUID()), Optional.empty(),
                new PageRequest(0, 10)).total()).isZero();
    }
}
