package io.parley.application.telephony;

import io.parley.core.call.CallId;
import io.parley.core.call.CallStatus;
import io.parley.core.port.in.CompleteCallUseCase;
import io.parley.core.port.out.CallRepository;
import io.parley.core.port.out.ConversationRepository;
import io.parley.core.port.out.UnitOfWork;
import io.parley.core.tenant.TenantId;
import java.time.Clock;

/** Completes a call when its stream ends: status completed with its length, its conversation ended. */
public class CompleteCallService implements CompleteCallUseCase {

    private final CallRepository calls;
    private final CallEnding ending;

    public CompleteCallService(CallRepository calls, ConversationRepository conversations, UnitOfWork unitOfWork,
            Clock clock) {
        this.calls = calls;
        this.ending = new CallEnding(calls, conversations, unitOfWork, clock);
    }

    @Override
    public void complete(TenantId tenant, CallId call) {
        calls.find(tenant, call).ifPresent(found -> ending.end(found, CallStatus.COMPLETED));
    }
}
