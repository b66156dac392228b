package io.parley.core.port.in;

import io.parley.core.telephony.SignedRequest;

/** Twilio's status callbacks for a call and for its media stream. */
public interface UpdateTwilioCallUseCase {

    /** A call status callback (blocking): the call's status, end and duration; a final one ends its conversation. */
    Update callStatus(SignedRequest callback);

    /** A stream status callback (blocking): checked and noted; the call's own status comes by callStatus. */
    Update streamStatus(SignedRequest callback);

    /** What became of a callback. */
    enum Update {
        /** Applied, or already applied (replays are harmless). */
        ACCEPTED,
        /** Not signed by the call's account. */
        FORBIDDEN,
        /** No such call. */
        UNKNOWN_CALL,
        /** A parameter every callback has is missing or invalid. */
        MALFORMED
    }
}
