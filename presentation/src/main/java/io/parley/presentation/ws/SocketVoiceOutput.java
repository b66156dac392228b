package io.parley.presentation.ws;

import io.parley.core.conversation.ConversationId;
import io.parley.core.port.out.VoiceOutput;
import java.util.Optional;

/** A voice session's results as frames on its socket: JSON for events, binary frames for the agent's audio. */
final class SocketVoiceOutput implements VoiceOutput {

    private final SocketChannel channel;
    private final ServerFrames frames;
    private final VoiceLane lane;
    private final long number;
    private final Optional<String> startId;

    SocketVoiceOutput(SocketChannel channel, ServerFrames frames, VoiceLane lane, long number,
            Optional<String> startId) {
        this.channel = channel;
        this.frames = frames;
        this.lane = lane;
        this.number = number;
        this.startId = startId;
    }

    @Override
    public void started(ConversationId conversation) {
        channel.send(frames.voiceStarted(startId, conversation.toString()));
    }

    @Override
    public void unavailable(String reason) {
        lane.ended(number);
        channel.send(frames.error("voice_unavailable", reason, startId));
    }

    @Override
    public void transcript(String text, boolean isFinal) {
        channel.send(frames.transcript(text, isFinal));
    }

    @Override
    public void answerDelta(String delta) {
        channel.send(frames.responseDelta(Optional.empty(), delta));
    }

    @Override
    public void answered(ConversationId conversation, String text, boolean interrupted) {
        channel.send(frames.spokenResponse(conversation.toString(), text, interrupted));
    }

    @Override
    public void agentUnavailable(ConversationId conversation) {
        channel.send(frames.agentUnavailable(conversation.toString(), Optional.empty()));
    }

    @Override
    public void audioStart(String turnId) {
        channel.send(frames.audio("audio.start", turnId));
    }

    @Override
    public void audio(byte[] audio) {
        channel.sendBinary(audio);
    }

    @Override
    public void audioEnd(String turnId) {
        channel.send(frames.audio("audio.end", turnId));
    }

    @Override
    public void audioClear(String turnId) {
        channel.send(frames.audio("audio.clear", turnId));
    }

    @Override
    public void stopped(String reason) {
        channel.send(frames.voiceStopped(lane.ended(number), reason));
    }
}
