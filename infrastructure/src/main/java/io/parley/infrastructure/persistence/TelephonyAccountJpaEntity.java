package io.parley.infrastructure.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** Row of the telephony_accounts table: a tenant's account with one provider, its secret sealed. */
@Entity
@Table(name = "telephony_accounts")
@IdClass(TelephonyAccountJpaEntity.Key.class)
public class TelephonyAccountJpaEntity extends PanacheEntityBase {

    @Id
    @Column(name = "tenant_id")
    public UUID tenantId;

    /** The provider's code (twilio, exotel, vapi). */
    @Id
    @Column(length = 8)
    public String provider;

    @Column(name = "account_sid", length = 100)
    public String accountSid;

    @Column(name = "api_key", length = 100)
    public String apiKey;

    @Column(name = "secret_ciphertext", nullable = false)
    public byte[] secretCiphertext;

    @Column(name = "secret_nonce", nullable = false)
    public byte[] secretNonce;

    @Column(name = "secret_key_id", nullable = false, length = 32)
    public String secretKeyId;

    /** SHA-256 (hex) of the secret, kept for Vapi only. */
    @Column(name = "secret_digest", length = 64)
    public String secretDigest;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** The primary key: tenant and provider code. */
    public record Key(UUID tenantId, String provider) implements Serializable {
    }
}
