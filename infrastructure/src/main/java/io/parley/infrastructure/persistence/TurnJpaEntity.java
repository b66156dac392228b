package io.parley.infrastructure.persistence;

import io.parley.core.conversation.Role;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Row of the turns table; the generated id gives the order turns were spoken in. */
@Entity
@Table(name = "turns")
public class TurnJpaEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "conversation_id", nullable = false)
    public UUID conversationId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    public Role role;

    @Column(nullable = false, columnDefinition = "text")
    public String text;

    @Column(name = "spoken_at", nullable = false)
    public Instant spokenAt;

    @Column(nullable = false)
    public long tokens;

    @Column(nullable = false)
    public boolean interrupted;

    @Column(name = "stt_latency_ms")
    public Long sttLatencyMs;

    @Column(name = "llm_first_token_ms")
    public Long llmFirstTokenMs;

    @Column(name = "tts_first_byte_ms")
    public Long ttsFirstByteMs;

    @Column(name = "user_to_bot_ms")
    public Long userToBotMs;
}
