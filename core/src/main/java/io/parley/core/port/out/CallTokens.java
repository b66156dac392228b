package io.parley.core.port.out;

import io.parley.core.call.CallGrant;
import java.time.Duration;
import java.util.Optional;

/** Short-lived signed tokens that bind a media stream to the call it was offered for. */
public interface CallTokens {

    String issue(CallGrant grant, Duration ttl);

    /** The grant of a token that is well signed, for calls, and not expired; empty otherwise. */
    Optional<CallGrant> verify(String token);
}
