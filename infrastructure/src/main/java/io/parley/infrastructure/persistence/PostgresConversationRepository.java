package io.parley.infrastructure.persistence;

import io.parley.core.conversation.Conversation;
import io.parley.core.conversation.ConversationId;
import io.parley.core.conversation.ConversationPage;
import io.parley.core.conversation.ConversationStatus;
import io.parley.core.conversation.PageRequest;
import io.parley.core.conversation.Turn;
import io.parley.core.port.out.ConversationRepository;
import io.parley.core.session.PeerId;
import io.parley.core.tenant.TenantId;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/** Conversations and their turns in Postgres; turns keep the order they were stored in. */
@ApplicationScoped
@Transactional
public class PostgresConversationRepository implements ConversationRepository {

    private final TurnInserts turnInserts;
    private final TransactionSynchronizationRegistry transactions;

    PostgresConversationRepository(TurnInserts turnInserts, TransactionSynchronizationRegistry transactions) {
        this.turnInserts = turnInserts;
        this.transactions = transactions;
    }

    @Override
    public void create(Conversation conversation) {
        ConversationMapper.toEntity(conversation).persist();
    }

    /**
     * One INSERT, without a transaction of its own (every spoken turn of every call comes here); inside a unit of
     * work it joins it, after the work's pending rows (the conversation it may have just created).
     */
    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public void appendTurn(ConversationId id, Turn turn) {
        if (transactions.getTransactionKey() != null) {
            TurnJpaEntity.getEntityManager().flush();
        }
        turnInserts.insert(id.value(), turn);
    }

    @Override
    public void end(ConversationId id, Instant at) {
        ConversationJpaEntity.update("status = ?1, endedAt = ?2 where id = ?3 and status = ?4",
                ConversationStatus.ENDED, at, id.value(), ConversationStatus.ACTIVE);
    }

    @Override
    public Optional<Conversation> findById(ConversationId id) {
        return ConversationJpaEntity.<ConversationJpaEntity>findByIdOptional(id.value())
                .map(e -> ConversationMapper.toDomain(e,
                        TurnJpaEntity.list("conversationId", Sort.by("id"), e.id)));
    }

    @Override
    public List<Turn> lastTurns(ConversationId id, int limit) {
        List<TurnJpaEntity> newestFirst = TurnJpaEntity.<TurnJpaEntity>find("conversationId",
                Sort.by("id").descending(), id.value()).page(Page.ofSize(limit)).list();
        List<Turn> turns = new ArrayList<>(newestFirst.stream().map(ConversationMapper::toDomain).toList());
        Collections.reverse(turns);
        return turns;
    }

    @Override
    public ConversationPage findByTenant(TenantId tenantId, Optional<PeerId> peerId, PageRequest page) {
        Parameters params = Parameters.with("tenant", tenantId.value());
        String query = "tenantId = :tenant";
        if (peerId.isPresent()) {
            query += " and peerId = :peer";
            params = params.and("peer", peerId.get().value());
        }
        PanacheQuery<ConversationJpaEntity> found = ConversationJpaEntity.find(query,
                Sort.by("startedAt").descending().and("id"), params);
        List<ConversationJpaEntity> rows = found.page(Page.of(page.page(), page.size())).list();
        Map<UUID, List<TurnJpaEntity>> turns = turnsOf(rows.stream().map(r -> r.id).toList());
        List<Conversation> items = rows.stream()
                .map(r -> ConversationMapper.toDomain(r, turns.getOrDefault(r.id, List.of())))
                .toList();
        return new ConversationPage(items, page.page(), page.size(), found.count());
    }

    private Map<UUID, List<TurnJpaEntity>> turnsOf(List<UUID> conversationIds) {
        if (conversationIds.isEmpty()) {
            return Map.of();
        }
        List<TurnJpaEntity> turns = TurnJpaEntity.list("conversationId in ?1", Sort.by("id"), conversationIds);
        return turns.stream().collect(Collectors.groupingBy(t -> t.conversationId));
    }
}
