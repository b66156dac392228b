package io.parley.application.voice;

import io.parley.core.port.out.SpeechToText;
import io.parley.core.voice.AudioFormat;
import io.parley.core.voice.SpeechListener;
import io.parley.core.voice.SpeechStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** Speech recognition the test drives: it records what the session sends and fires the listener on demand. */
final class FakeSpeechToText implements SpeechToText {

    Optional<String> unavailable = Optional.empty();
    /** Runs inside {@link #open}, before it returns (to model a provider calling back at once). */
    Consumer<SpeechListener> whileOpening = listener -> { };
    final List<Stream> opened = new ArrayList<>();
    AudioFormat format;
    Optional<String> language;

    @Override
    public Optional<String> unavailableReason() {
        return unavailable;
    }

    @Override
    public SpeechStream open(AudioFormat format, Optional<String> language, SpeechListener listener) {
        this.format = format;
        this.language = language;
        Stream stream = new Stream(listener);
        opened.add(stream);
        whileOpening.accept(listener);
        return stream;
    }

    /** The stream opened last. */
    Stream stream() {
        return opened.get(opened.size() - 1);
    }

    /** The session's listener of the stream opened last. */
    SpeechListener listener() {
        return stream().listener;
    }

    /** One recognition stream: what it was sent, and whether it was asked to finalize or close. */
    static final class Stream implements SpeechStream {

        final SpeechListener listener;
        final List<byte[]> sent = new ArrayList<>();
        int finalizes;
        int closes;

        Stream(SpeechListener listener) {
            this.listener = listener;
        }

        @Override
        public void send(byte[] audio) {
            sent.add(audio);
        }

        @Override
        public void finalizeTurn() {
            finalizes++;
        }

        @Override
        public void close() {
            closes++;
        }
    }
}
