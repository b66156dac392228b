package io.parley.core.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parley.core.InvalidInputException;
import io.parley.core.agent.AgentId;
import io.parley.core.session.PeerId;
import io.parley.core.tenant.TenantId;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ConversationTest {

    private final TenantId tenant = new TenantId(UUID.randomUUID());
    private final Instant t0 = Instant.parse("2026-01-01T10:00:00Z");

    private Conversation conversation() {
        return Conversation.start(new ConversationId(UUID.randomUUID()), tenant, new PeerId("alice"), Channel.WEB,
                new AgentId(UUID.randomUUID()), t0);
    }

    @Test
    void onlyTheSameTenantAndPeerMayContinueAnActiveConversation() {
        Conversation c = conversation();
        assertThat(c.isContinuableBy(tenant, new PeerId("alice"))).isTrue();
        assertThat(c.isContinuableBy(tenant, new PeerId("bob"))).isFalse();
        assertThat(c.isContinuableBy(new TenantId(UUID.randomUUID()), new PeerId("alice"))).isFalse();
        c.end(t0.plusSeconds(60));
        assertThat(c.isContinuableBy(tenant, new PeerId("alice"))).isFalse();
    }

    @Test
    void endingKeepsTheFirstEndTime() {
        Conversation c = conversation();
        c.end(t0.plusSeconds(60));
        c.end(t0.plusSeconds(90));
        assertThat(c.status()).isEqualTo(ConversationStatus.ENDED);
        assertThat(c.endedAt()).contains(t0.plusSeconds(60));
    }

    @Test
    void idsMustBeUuidsAndPagesBounded() {
        assertThatThrownBy(() -> ConversationId.parse("nope")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new PageRequest(-1, 10)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new PageRequest(0, 101)).isInstanceOf(InvalidInputException.class);
        assertThat(new PageRequest(3, 100).size()).isEqualTo(100);
    }
}
