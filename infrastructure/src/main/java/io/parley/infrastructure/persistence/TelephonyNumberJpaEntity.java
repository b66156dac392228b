package io.parley.infrastructure.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** Row of the telephony_numbers table: a phone number (E.164) routed to a tenant's Twilio account. */
@Entity
@Table(name = "telephony_numbers")
public class TelephonyNumberJpaEntity extends PanacheEntityBase {

    @Id
    @Column(length = 16)
    public String number;

    @Column(name = "tenant_id", nullable = false)
    public UUID tenantId;

    @Column(nullable = false, length = 8)
    public String provider;

    /** Where the tenant listed the number (0 first). */
    @Column(nullable = false)
    public int position;
}
