package io.parley.core.port.out;

import io.parley.core.voice.VoiceTurnTimeline;

/** Traces spoken turns: one span per turn, with its recognition, model and synthesis steps. */
public interface TurnTracing {

    void voiceTurn(VoiceTurnTimeline timeline);
}
