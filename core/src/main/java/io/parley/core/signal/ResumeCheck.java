package io.parley.core.signal;

/** What the resume store holds for a claim: a record it matches, a record it does not, or none (yet). */
public enum ResumeCheck {
    MATCHES,
    DENIED,
    NONE
}
