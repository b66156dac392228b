package io.parley.infrastructure.persistence;

import io.parley.core.call.Call;
import io.parley.core.call.CallId;
import io.parley.core.call.CallStatus;
import io.parley.core.call.CallStatusChange;
import io.parley.core.conversation.PageRequest;
import io.parley.core.port.out.CallRepository;
import io.parley.core.telephony.TelephonyProvider;
import io.parley.core.tenant.TenantId;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/** Calls and their status history in Postgres; one row per provider call, its stream claimed once. */
@ApplicationScoped
@Transactional
public class PostgresCallRepository implements CallRepository {

    @Override
    public Call createOrGet(Call call) {
        int inserted = Panache.getEntityManager().createNativeQuery("""
                insert into calls (id, tenant_id, provider, provider_call_id, from_number, to_number, direction,
                                   status, conversation_id, started_at)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
                on conflict (provider, provider_call_id) do nothing""")
                .setParameter(1, call.id().value()).setParameter(2, call.tenantId().value())
                .setParameter(3, call.provider().code()).setParameter(4, call.providerCallId())
                .setParameter(5, call.from()).setParameter(6, call.to()).setParameter(7, call.direction().code())
                .setParameter(8, call.status().code()).setParameter(9, call.conversationId().value())
                .setParameter(10, call.startedAt())
                .executeUpdate();
        if (inserted == 1) {
            call.history().forEach(change -> CallMapper.toEntity(call.id(), change).persist());
            return call;
        }
        return findByProviderId(call.provider(), call.providerCallId()).orElseThrow();
    }

    @Override
    public Optional<Call> find(TenantId tenant, CallId id) {
        return CallJpaEntity.<CallJpaEntity>find("id = ?1 and tenantId = ?2", id.value(), tenant.value())
                .firstResultOptional().map(this::withHistory);
    }

    @Override
    public Optional<Call> findByProviderId(TelephonyProvider provider, String providerCallId) {
        return CallJpaEntity.<CallJpaEntity>find("provider = ?1 and providerCallId = ?2", provider.code(),
                providerCallId).firstResultOptional().map(this::withHistory);
    }

    @Override
    public List<Call> list(TenantId tenant, Optional<CallStatus> status, PageRequest page) {
        String query = "tenantId = :tenant";
        Parameters params = Parameters.with("tenant", tenant.value());
        if (status.isPresent()) {
            query += " and status = :status";
            params = params.and("status", status.get().code());
        }
        List<CallJpaEntity> rows = CallJpaEntity.<CallJpaEntity>find(query,
                Sort.by("startedAt").descending().and("id"), params).page(Page.of(page.page(), page.size())).list();
        Map<UUID, List<CallStatusChangeJpaEntity>> history = rows.isEmpty() ? Map.of()
                : CallStatusChangeJpaEntity.<CallStatusChangeJpaEntity>list("callId in ?1", Sort.by("id"),
                        rows.stream().map(row -> row.id).toList())
                        .stream().collect(Collectors.groupingBy(change -> change.callId));
        return rows.stream().map(row -> CallMapper.toDomain(row, history.getOrDefault(row.id, List.of()))).toList();
    }

    @Override
    public boolean changeStatus(CallId id, CallStatus status, Instant at, Optional<Duration> duration) {
        CallJpaEntity row = CallJpaEntity.findById(id.value(), LockModeType.PESSIMISTIC_WRITE);
        if (row == null) {
            return false;
        }
        CallStatus current = CallStatus.parse(row.status);
        if (current == status || current.isFinal()) {
            return false;
        }
        row.status = status.code();
        if (status.isFinal()) {
            row.endedAt = at;
            row.durationSeconds = duration.map(Duration::toSeconds)
                    .orElse(Duration.between(row.startedAt, at).toSeconds());
        }
        CallMapper.toEntity(id, new CallStatusChange(status, at)).persist();
        return true;
    }

    @Override
    public boolean claimStream(CallId id, String streamId) {
        return CallJpaEntity.update("streamId = ?1 where id = ?2 and streamId is null", streamId, id.value()) == 1;
    }

    @Override
    public void recordOutcome(CallId id, Optional<String> endedReason, Optional<String> summary) {
        CallJpaEntity row = CallJpaEntity.findById(id.value());
        if (row != null) {
            endedReason.ifPresent(reason -> row.endedReason = reason);
            summary.ifPresent(text -> row.summary = text);
        }
    }

    private Call withHistory(CallJpaEntity row) {
        return CallMapper.toDomain(row, CallStatusChangeJpaEntity.list("callId", Sort.by("id"), row.id));
    }
}
