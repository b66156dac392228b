package io.parley.infrastructure.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Row of the api_keys table: the hash of a key and the tenant it belongs to. */
@Entity
@Table(name = "api_keys")
public class ApiKeyJpaEntity extends PanacheEntityBase {

    @Id
    @Column(name = "key_hash", length = 64)
    public String keyHash;

    @Column(name = "tenant_id", nullable = false)
    public UUID tenantId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
