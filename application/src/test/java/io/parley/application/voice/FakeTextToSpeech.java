package io.parley.application.voice;

import io.parley.core.port.out.TextToSpeech;
import io.parley.core.voice.AudioFormat;
import io.parley.core.voice.SpeechSynthesis;
import io.parley.core.voice.SynthesisListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** Speech synthesis the test drives: it records speak/flush/clear/close and fires the listener on demand. */
final class FakeTextToSpeech implements TextToSpeech {

    Optional<String> unavailable = Optional.empty();
    /** Runs inside {@link #open}, before it returns (to model a provider calling back at once). */
    Consumer<SynthesisListener> whileOpening = listener -> { };
    final List<Synthesis> opened = new ArrayList<>();
    AudioFormat format;

    @Override
    public Optional<String> unavailableReason() {
        return unavailable;
    }

    @Override
    public SpeechSynthesis open(AudioFormat format, SynthesisListener listener) {
        this.format = format;
        Synthesis synthesis = new Synthesis(listener);
        opened.add(synthesis);
        whileOpening.accept(listener);
        return synthesis;
    }

    /** The synthesis opened last. */
    Synthesis synthesis() {
        return opened.get(opened.size() - 1);
    }

    /** The session's listener of the synthesis opened last. */
    SynthesisListener listener() {
        return synthesis().listener;
    }

    /** One synthesis stream: every call it got, in order ("speak:text", "flush", "clear", "close"). */
    static final class Synthesis implements SpeechSynthesis {

        final SynthesisListener listener;
        final List<String> calls = new ArrayList<>();

        Synthesis(SynthesisListener listener) {
            this.listener = listener;
        }

        /** The texts it was given to speak, in order. */
        List<String> spoken() {
            return calls.stream().filter(c -> c.startsWith("speak:")).map(c -> c.substring("speak:".length()))
                    .toList();
        }

        long count(String call) {
            return calls.stream().filter(call::equals).count();
        }

        boolean closed() {
            return calls.contains("close");
        }

        @Override
        public void speak(String text) {
            calls.add("speak:" + text);
        }

        @Override
        public void flush() {
            calls.add("flush");
        }

        @Override
        public void clear() {
            calls.add("clear");
        }

        @Override
        public void close() {
            calls.add("close");
        }
    }
}
