package io.parley.infrastructure.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Row of call_status_changes: one step of a call's status history. */
@Entity
@Table(name = "call_status_changes")
public class CallStatusChangeJpaEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "call_id", nullable = false)
    public UUID callId;

    @Column(nullable = false, length = 20)
    public String status;

    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;
}
