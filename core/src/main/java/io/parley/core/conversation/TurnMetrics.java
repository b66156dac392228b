package io.parley.core.conversation;

import java.util.OptionalLong;

/**
 * How long an agent's spoken turn took, in milliseconds: speech recognition (end of the user's speech
 * to the final transcript), the language model's first token, speech synthesis's first byte, and the
 * user's wait (end of the user's speech to the first audio sent back). Empty where it does not apply.
 */
public record TurnMetrics(OptionalLong sttLatencyMs, OptionalLong llmFirstTokenMs, OptionalLong ttsFirstByteMs,
        OptionalLong userToBotMs) {

    /** A turn with no measured latencies: a text turn. */
    public static final TurnMetrics NONE = new TurnMetrics(OptionalLong.empty(), OptionalLong.empty(),
            OptionalLong.empty(), OptionalLong.empty());
}
