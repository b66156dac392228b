package io.parley.core.port.out;

import io.parley.core.call.Call;
import io.parley.core.call.CallId;
import io.parley.core.call.CallStatus;
import io.parley.core.conversation.PageRequest;
import io.parley.core.telephony.TelephonyProvider;
import io.parley.core.tenant.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Phone calls and their status history. */
public interface CallRepository {

    /** Stores a new call; if the provider already reported this call id, returns the stored one instead. */
    Call createOrGet(Call call);

    Optional<Call> find(TenantId tenant, CallId id);

    Optional<Call> findByProviderId(TelephonyProvider provider, String providerCallId);

    /** The tenant's calls, newest first, optionally only those in one status. */
    List<Call> list(TenantId tenant, Optional<CallStatus> status, PageRequest page);

    /**
     * Records a status change unless the call is already in it or already over; a final status also
     * sets the end time and, when given, the duration. Whether anything changed.
     */
    boolean changeStatus(CallId id, CallStatus status, Instant at, Optional<Duration> duration);

    /** Claims the call's media stream (once only): whether this stream is the first to claim it. */
    boolean claimStream(CallId id, String streamId);

    /** Records how a provider says the call ended. */
    void recordOutcome(CallId id, Optional<String> endedReason, Optional<String> summary);
}
