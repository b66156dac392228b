package io.parley.application.signal;

import io.parley.core.signal.ResumeClaim;

/** What a resume request comes to before the connection is admitted. */
public sealed interface ResumePreparation {

    /** The session can be resumed; its record is reserved for this connection. */
    record Reserved(ResumeClaim claim) implements ResumePreparation {
    }

    /** Nothing to resume for this client (wrong token, window passed, unknown session): a fresh session, lost. */
    record NotResumable() implements ResumePreparation {
    }

    /** Another connection is resuming the same session right now. */
    record InProgress() implements ResumePreparation {
    }
}
