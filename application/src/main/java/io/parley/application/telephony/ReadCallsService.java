package io.parley.application.telephony;

import io.parley.core.NotFoundException;
import io.parley.core.call.Call;
import io.parley.core.call.CallId;
import io.parley.core.call.CallStatus;
import io.parley.core.conversation.PageRequest;
import io.parley.core.port.in.ReadCallsUseCase;
import io.parley.core.port.out.CallRepository;
import io.parley.core.tenant.TenantId;
import java.util.List;
import java.util.Optional;

/** Reads a tenant's calls; another tenant's call is as absent as one that never was. */
public class ReadCallsService implements ReadCallsUseCase {

    private final CallRepository calls;

    public ReadCallsService(CallRepository calls) {
        this.calls = calls;
    }

    @Override
    public List<Call> list(TenantId tenant, Optional<CallStatus> status, PageRequest page) {
        return calls.list(tenant, status, page);
    }

    @Override
    public Call get(TenantId tenant, CallId id) {
        return calls.find(tenant, id).orElseThrow(() -> new NotFoundException("no call " + id));
    }
}
