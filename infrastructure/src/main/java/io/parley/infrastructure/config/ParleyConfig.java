package io.parley.infrastructure.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Every {@code parley.*} setting, with the defaults that work on a developer machine. Constraints are
 * checked at startup: a value out of range stops the server with a message naming the key.
 */
@ConfigMapping(prefix = "parley")
public interface ParleyConfig {

    /** Bearer token for the admin API; the admin API answers 503 while it is unset. */
    Optional<String> adminToken();

    /**
     * True on a standalone node: set by the launcher when it started its own PostgreSQL and Redis because
     * neither was configured. Not meant to be set by hand.
     */
    @WithDefault("false")
    boolean standalone();

    /** Where the server keeps generated files (the JWT key pair; on a standalone node also its database). */
    @WithDefault("./data")
    Path dataDir();

    /** Origins allowed to open browser WebSockets; "*" allows any. */
    @WithDefault("*")
    List<String> allowedOrigins();

    /**
     * The URL telephony providers reach this node at (https://voice.example.com): provider signatures are
     * checked against it, and the media stream URLs Parley hands out derive from it. Phone calls are
     * refused while it is unset.
     */
    Optional<@jakarta.validation.constraints.Pattern(regexp = "https?://[^/?#\\s]+(/[^?#\\s]*)?",
            message = "must be an http(s) URL without query or fragment, e.g. https://voice.example.com")
            String> publicBaseUrl();

    Jwt jwt();

    Limits limits();

    ConversationSettings conversation();

    Llm llm();

    Cluster cluster();

    Session session();

    Shutdown shutdown();

    Audit audit();

    Agent agent();

    Deepgram deepgram();

    Voice voice();

    Crypto crypto();

    /** Deepgram, for speech-to-text (live /v1/listen) and text-to-speech (streaming /v1/speak). */
    interface Deepgram {
        /** Sent as "Authorization: Token <key>"; never logged. Unset: voice is unavailable. */
        Optional<String> apiKey();

        /** Where Deepgram is (self-hosted Deepgram: its address); /v1/listen and /v1/speak hang off it. */
        @WithDefault("wss://api.deepgram.com")
        String baseUrl();

        @WithDefault("nova-3")
        String sttModel();

        @WithDefault("aura-2-thalia-en")
        String ttsVoice();

        /** Silence that ends a speech segment (Deepgram's endpointing), 10 ms to 10 s. */
        @WithDefault("300ms")
        @DurationMin(millis = 10)
        @DurationMax(seconds = 10)
        Duration endpointing();

        /** Silence after the last word that ends the user's turn even without an endpoint (Deepgram: 1 s at least). */
        @WithDefault("1000ms")
        @DurationMin(seconds = 1)
        @DurationMax(seconds = 60)
        Duration utteranceEnd();

        /** How often a KeepAlive goes out while no audio does (Deepgram closes a stream idle for ~10 s). */
        @WithDefault("4s")
        @DurationMin(millis = 100)
        @DurationMax(seconds = 9)
        Duration keepAlive();

        /** How long Parley tries to reconnect a dropped recognition stream before the voice session fails. */
        @WithDefault("10s")
        @DurationMin(millis = 0)
        @DurationMax(minutes = 5)
        Duration reconnectFor();

        /** How much of the user's audio is kept while the recognition stream reconnects (then replayed). */
        @WithDefault("5s")
        @DurationMin(millis = 0)
        @DurationMax(seconds = 60)
        Duration reconnectBuffer();
    }

    /** Keys that encrypt tenants' provider secrets (Twilio, Exotel, Vapi) at rest. */
    interface Crypto {
        /**
         * Comma-separated {@code id:base64-of-32-bytes} AES-256 keys: the first encrypts, all decrypt. Unset: a key
         * generated once under the data directory. Every node of a cluster needs the same keys; never logged.
         */
        Optional<String> keys();
    }

    /** Voice sessions on the socket. */
    interface Voice {
        /** Voice sessions this node runs at once; one more voice.start gets "voice_busy". */
        @WithDefault("200")
        @Min(1)
        @Max(100_000)
        int maxSessions();
    }

    /** How agents answer. */
    interface Agent {
        /** Agent answers this node runs at once; a message past it gets a "busy" error. */
        @WithDefault("64")
        int maxConcurrentAnswers();
    }

    /** The session audit trail. */
    interface Audit {
        /** Events older than this are deleted (checked hourly). */
        @WithDefault("90d")
        Duration retention();

        /** Most events held in memory on their way to Postgres; past it new events are dropped and counted. */
        @WithDefault("50000")
        int bufferSize();

        /** Refusals alike (type, tenant, peer, reason) within this window from the first are stored as one row. */
        @WithDefault("10s")
        Duration aggregateWindow();

        /** Most distinct refusals counted at once; past it new ones are counted without their peer. */
        @WithDefault("10000")
        int aggregateKeys();
    }

    /** This node's place among the others. */
    interface Cluster {
        /** Fixed node id; a random one per start when unset. */
        Optional<String> nodeId();

        /** How long a silent node's peers stay in the directory. */
        @WithDefault("15s")
        Duration nodeTtl();

        /** How often a node checks its shared state against the sessions it really holds. */
        @WithDefault("30s")
        Duration repairInterval();

        /**
         * How long a node reuses a tenant (and an API key's tenant) it read from Postgres; a change made on
         * another node shows here within it. 0 reads Postgres every time.
         */
        @WithDefault("2s")
        Duration tenantCacheTtl();
    }

    /** Liveness and resumption of client sessions. */
    interface Session {
        @WithDefault("30s")
        Duration resumeWindow();

        @WithDefault("60s")
        Duration idleTimeout();

        /** How often the server pings each socket. */
        @WithDefault("20s")
        Duration pingInterval();

        /** A socket with no completed read or write for this long is cut (clients that stopped reading). */
        @WithDefault("45s")
        Duration stuckTimeout();

        /** How long a resume waits for a live session's node to hand it over. */
        @WithDefault("2s")
        Duration handoverTimeout();

        Resume resume();
    }

    /** How much is kept for an away session. */
    interface Resume {
        @WithDefault("100")
        int maxFrames();

        @WithDefault("65536")
        int maxBytes();
    }

    /** Graceful shutdown. */
    interface Shutdown {
        @WithDefault("20s")
        Duration drainTimeout();
    }

    /** Keys that sign and verify access tokens. */
    interface Jwt {
        Optional<Path> privateKeyLocation();

        Optional<Path> publicKeyLocation();
    }

    /** Limits on what one client or one node may use. */
    interface Limits {
        @WithDefault("4000")
        int maxTextChars();

        @WithDefault("65536")
        int maxFrameBytes();

        @WithDefault("60")
        int messagesPerMinute();

        @WithDefault("1000")
        int maxConnections();

        /** Upgrades one client address may have refused for its credentials in a minute; more get 429. 0: no limit. */
        @WithDefault("60")
        @Min(0)
        int failedUpgradesPerMinute();

        @WithDefault("50")
        int maxRoomPeers();

        @WithDefault("256")
        int maxPendingFrames();

        /** Bytes waiting to be written to one socket before it is closed as a slow consumer. */
        @WithDefault("262144")
        long maxPendingBytes();

        /** Bytes of frames received on one socket and waiting to be handled; more gets "busy". */
        @WithDefault("262144")
        long maxQueuedBytes();

        /** Messages of one socket waiting for the agent; more gets "busy". */
        @WithDefault("16")
        int maxQueuedMessages();

        /** Rooms one session may be in at once; one more gets "room_limit". */
        @WithDefault("16")
        int maxRoomsPerSession();

        /** What all sockets of the node may buffer together; unset: a quarter of the maximum heap. */
        Optional<Long> nodeBufferBytes();
    }

    /** How much of a conversation the agent sees, and how long it stays cached. */
    interface ConversationSettings {
        @WithDefault("20")
        int contextTurns();

        @WithDefault("1h")
        Duration contextTtl();
    }

    /** The OpenAI-compatible language model used by agents of kind "llm". */
    interface Llm {
        Optional<String> baseUrl();

        Optional<String> apiKey();

        @WithDefault("gpt-4o-mini")
        String model();

        /** How long the model may stay silent (before its first byte, or between two) before the answer fails. */
        @WithDefault("30s")
        Duration timeout();

        /** Sent as {@code max_tokens}: the most tokens the model may spend on one answer. */
        @WithDefault("1024")
        @Min(1)
        @Max(1_000_000)
        int maxTokens();

        /** Longer answers are cut here: Parley stops reading the stream and marks the answer truncated. */
        @WithDefault("100000")
        @Min(1)
        int maxAnswerChars();
    }
}
