package io.parley.core.port.in;

import io.parley.core.call.Call;
import io.parley.core.call.CallId;
import io.parley.core.call.CallStatus;
import io.parley.core.conversation.PageRequest;
import io.parley.core.tenant.TenantId;
import java.util.List;
import java.util.Optional;

/** Reads a tenant's phone calls. */
public interface ReadCallsUseCase {

    /** The tenant's calls, newest first, optionally only those in one status. */
    List<Call> list(TenantId tenant, Optional<CallStatus> status, PageRequest page);

    /** One of the tenant's calls; NotFoundException when the tenant has no such call. */
    Call get(TenantId tenant, CallId id);
}
