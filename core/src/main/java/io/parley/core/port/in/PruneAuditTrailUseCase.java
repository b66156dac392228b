package io.parley.core.port.in;

/** Deletes session audit events older than the retention period. */
public interface PruneAuditTrailUseCase {

    /** Returns how many events were deleted. */
    long prune();
}
