package io.parley.application.voice;

import io.parley.application.conversation.LiveConversation;
import io.parley.core.agent.Agent;
import io.parley.core.agent.AgentKind;
import io.parley.core.port.in.StartVoiceUseCase.Start;
import io.parley.core.port.out.LanguageModel;
import io.parley.core.port.out.SpeechToText;
import io.parley.core.port.out.TextToSpeech;
import io.parley.core.port.out.Ticker;
import io.parley.core.port.out.TurnTracing;
import io.parley.core.port.out.VoiceOutput;
import io.parley.core.voice.VoiceSettings;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.LongConsumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Starts voice conversations with a tenant's agent, for a socket or a phone call: refuses at once when
 * speech is not configured or the node runs as many as it may, else takes a slot, lets the caller
 * open the conversation, and connects recognition and synthesis.
 */
public class VoiceStarter {

    private final Map<AgentKind, LanguageModel> models;
    private final SpeechToText stt;
    private final TextToSpeech tts;
    private final TurnTracing tracing;
    private final VoiceSlots slots;
    private final Executor blocking;
    private final Ticker ticker;
    private final Clock clock;

    public VoiceStarter(List<LanguageModel> models, SpeechToText stt, TextToSpeech tts, TurnTracing tracing,
            VoiceSlots slots, Executor blocking, Ticker ticker, Clock clock) {
        this.models = models.stream().collect(Collectors.toUnmodifiableMap(LanguageModel::kind, Function.identity()));
        this.stt = stt;
        this.tts = tts;
        this.tracing = tracing;
        this.slots = slots;
        this.blocking = blocking;
        this.ticker = ticker;
        this.clock = clock;
    }

    /** Where a starting voice session speaks: its agent, its conversation, and who is charged the tokens. */
    public record Setting(Agent agent, LiveConversation conversation, LongConsumer spent) {
    }

    /**
     * Starts a session: refusals come before {@code setting} runs (it may block: call this off the event
     * loop); the output hears {@code started} (then the greeting) or {@code unavailable}.
     */
    public Start start(VoiceSettings settings, VoiceOutput output, Supplier<Setting> setting) {
        Optional<String> unavailable = stt.unavailableReason().or(tts::unavailableReason);
        if (unavailable.isPresent()) {
            return new Start.Unavailable(unavailable.get());
        }
        if (!slots.tryTake()) {
            return new Start.Busy(slots.max());
        }
        try {
            Setting opened = setting.get();
            VoiceConversation voice = new VoiceConversation(output, opened.agent(), opened.conversation(),
                    settings.format(), Optional.ofNullable(models.get(opened.agent().kind())), tracing, blocking,
                    clock, opened.spent(), slots::give);
            voice.open(stt, tts, settings.language(), ticker);
            return new Start.Started(voice);
        } catch (RuntimeException e) {
            slots.give();
            throw e;
        }
    }
}
