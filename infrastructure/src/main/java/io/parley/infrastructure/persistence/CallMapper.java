package io.parley.infrastructure.persistence;

import io.parley.core.call.Call;
import io.parley.core.call.CallDirection;
import io.parley.core.call.CallId;
import io.parley.core.call.CallStatus;
import io.parley.core.call.CallStatusChange;
import io.parley.core.conversation.ConversationId;
import io.parley.core.telephony.TelephonyProvider;
import io.parley.core.tenant.TenantId;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Converts calls and their status changes between the domain and their rows. */
final class CallMapper {

    private CallMapper() {
    }

    static CallJpaEntity toEntity(Call call) {
        CallJpaEntity row = new CallJpaEntity();
        row.id = call.id().value();
        row.tenantId = call.tenantId().value();
        row.provider = call.provider().code();
        row.providerCallId = call.providerCallId();
        row.fromNumber = call.from();
        row.toNumber = call.to();
        row.direction = call.direction().code();
        row.status = call.status().code();
        row.conversationId = call.conversationId().value();
        row.startedAt = call.startedAt();
        row.endedAt = call.endedAt().orElse(null);
        row.durationSeconds = call.duration().map(Duration::toSeconds).orElse(null);
        row.endedReason = call.endedReason().orElse(null);
        row.summary = call.summary().orElse(null);
        return row;
    }

    static CallStatusChangeJpaEntity toEntity(CallId call, CallStatusChange change) {
        CallStatusChangeJpaEntity row = new CallStatusChangeJpaEntity();
        row.callId = call.value();
        row.status = change.status().code();
        row.changedAt = change.at();
        return row;
    }

    static Call toDomain(CallJpaEntity row, List<CallStatusChangeJpaEntity> history) {
        return new Call(new CallId(row.id), new TenantId(row.tenantId),
                TelephonyProvider.valueOf(row.provider.toUpperCase(Locale.ROOT)), row.providerCallId, row.fromNumber,
                row.toNumber, CallDirection.valueOf(row.direction.toUpperCase(Locale.ROOT)), CallStatus.parse(row.status),
                new ConversationId(row.conversationId), row.startedAt, Optional.ofNullable(row.endedAt),
                Optional.ofNullable(row.durationSeconds).map(Duration::ofSeconds), Optional.ofNullable(row.endedReason),
                Optional.ofNullable(row.summary),
                history.stream().map(h -> new CallStatusChange(CallStatus.parse(h.status), h.changedAt)).toList());
    }
}
