package io.parley.infrastructure.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import io.parley.core.agent.AgentKind;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** Row of the agents table; scripted rules are a JSON array. */
@Entity
@Table(name = "agents")
public class AgentJpaEntity extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false)
    public UUID tenantId;

    @Column(name = "is_default", nullable = false)
    public boolean isDefault;

    @Column(nullable = false, length = 200)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public AgentKind kind;

    @Column(nullable = false, length = 4000)
    public String greeting;

    @Column(name = "system_prompt", nullable = false, length = 20000)
    public String systemPrompt;

    @Column(length = 200)
    public String model;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<RuleJson> rules;

    @Column(nullable = false, length = 4000)
    public String fallback;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** One scripted rule as stored in the JSON column. */
    /** A rule as stored; {@code endsCall} absent in rules stored before it existed reads as false. */
    public record RuleJson(List<String> keywords, String reply, boolean endsCall) {
    }
}
