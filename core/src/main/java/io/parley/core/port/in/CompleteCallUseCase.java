package io.parley.core.port.in;

import io.parley.core.call.CallId;
import io.parley.core.tenant.TenantId;

/** Ends a call whose media stream was the call itself (Exotel's voicebot): no provider callback reports its end. */
public interface CompleteCallUseCase {

    /**
     * The call is completed, with its length, and its conversation ends (blocking: call it off the event
     * loop); a call already over, or not the tenant's, is left as it is.
     */
    void complete(TenantId tenant, CallId call);
}
