package io.parley.presentation.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.imageio.ImageIO;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The browser harness itself, against a tiny page served on loopback. */
class ChromiumTest {

    private static final String PAGE = """
            <!doctype html>
            <html><head><title>harness page</title></head>
            <body style="margin:0;background:rgb(255,0,0)"><p>served on loopback</p></body></html>
            """;

    private static final int TONE_HZ = 1300;

    /** The strongest frequency the microphone carries, half a second after it opened. */
    private static final String LOUDEST_FREQUENCY_HEARD = """
            (async () => {
              const stream = await navigator.mediaDevices.getUserMedia({audio: true});
              const context = new AudioContext();
              await context.resume();
              const analyser = context.createAnalyser();
              analyser.fftSize = 4096;
              context.createMediaStreamSource(stream).connect(analyser);
              await new Promise(resolve => setTimeout(resolve, 500));
              const levels = new Float32Array(analyser.frequencyBinCount);
              analyser.getFloatFrequencyData(levels);
              return levels.indexOf(Math.max(...levels)) * context.sampleRate / analyser.fftSize;
            })()
            """;

    private static LoopbackPage site;
    private static Chromium chromium;
    private BrowserPage page;

    @BeforeAll
    static void start() {
        site = LoopbackPage.serve(PAGE);
        chromium = Chromium.launch();
    }

    @AfterAll
    static void stop() {
        try {
            chromium.close();
        } finally {
            site.close();
        }
    }

    @BeforeEach
    void openPage() {
        page = chromium.openPage(site.url());
    }

    @AfterEach
    void closePage() {
        page.close();
    }

    @Test
    void evaluateReturnsTheValueAsJsonAwaitingPromises() {
        assertThat(page.evaluate("document.title").asText()).isEqualTo("harness page");
        assertThat(page.evaluate("6 * 7").asInt()).isEqualTo(42);
        assertThat(page.evaluate("Promise.resolve({kinds: ['a', 'b'], ok: true})").toString())
                .isEqualTo("{\"kinds\":[\"a\",\"b\"],\"ok\":true}");
        assertThat(page.evaluate("undefined").isMissingNode()).isTrue();
    }

    @Test
    void aThrownErrorFailsWithItsMessageAndWhatThePageLogged() {
        assertThatThrownBy(() -> page.evaluate("console.warn('about to fail', 7); throw new Error('boom here')"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Error: boom here")
                .hasMessageContaining("warning: about to fail 7");
        assertThat(page.consoleMessages()).containsExactly("warning: about to fail 7");
        assertThatThrownBy(() -> page.evaluate("Promise.reject(new TypeError('rejected there'))"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("TypeError: rejected there");
    }

    @Test
    void uncaughtExceptionsAreRecorded() {
        page.evaluate("setTimeout(() => { throw new RangeError('thrown later'); }, 0)");

        Await.until(Duration.ofSeconds(10), "the uncaught exception",
                () -> page.uncaughtExceptions().stream().anyMatch(e -> e.contains("RangeError: thrown later")));
    }

    @Test
    void awaitTrueWaitsForTheConditionAndFailsClearlyWhenItNeverHolds() {
        page.evaluate("setTimeout(() => { window.ready = true; }, 300)");

        page.awaitTrue("window.ready === true", Duration.ofSeconds(10));
        assertThatThrownBy(() -> page.awaitTrue("window.never === true", Duration.ofMillis(300)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("`window.never === true` was not true within PT0.3S");
    }

    @Test
    void theFakeDevicesGiveAnAudioAndAVideoTrack() {
        String kinds = page.evaluate("""
                navigator.mediaDevices.getUserMedia({audio: true, video: true})
                    .then(stream => stream.getTracks().map(track => track.kind + ':' + track.readyState).sort())
                """).toString();

        assertThat(kinds).isEqualTo("[\"audio:live\",\"video:live\"]");
    }

    @Test
    void theFakeMicrophonePlaysTheWavItIsGiven(@TempDir Path dir) throws IOException {
        Path wav = dir.resolve("tone.wav");
        writeTone(wav, TONE_HZ, Duration.ofSeconds(2));

        try (Chromium own = Chromium.launchWithFakeAudio(wav); BrowserPage tab = own.openPage(site.url())) {
            assertThat(tab.evaluate(LOUDEST_FREQUENCY_HEARD).asDouble()).isCloseTo(TONE_HZ, within(25.0));
        }
    }

    @Test
    void aScreenshotIsAPngOfThePage(@TempDir Path dir) throws IOException {
        Path png = dir.resolve("page.png");

        page.screenshot(png);

        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image).as("a PNG ImageIO can read").isNotNull();
        assertThat(image.getWidth()).isEqualTo(page.evaluate("window.innerWidth * devicePixelRatio").asInt());
        assertThat(image.getRGB(image.getWidth() / 2, image.getHeight() - 1) & 0xffffff).isEqualTo(0xff0000);
    }

    @Test
    void closeLeavesNoChromiumProcessBehind() {
        List<ProcessHandle> processes;
        try (Chromium own = Chromium.launch(); BrowserPage tab = own.openPage("about:blank")) {
            assertThat(tab.evaluate("1 + 1").asInt()).isEqualTo(2);
            processes = own.processes();
        }

        assertThat(processes).as("the browser and its renderer, GPU and utility processes").hasSizeGreaterThan(2);
        assertThat(processes).noneMatch(ProcessHandle::isAlive);
    }

    private static void writeTone(Path wav, int hertz, Duration length) throws IOException {
        float rate = 48_000;
        int samples = (int) (rate * length.toMillis() / 1000);
        ByteBuffer pcm = ByteBuffer.allocate(samples * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < samples; i++) {
            pcm.putShort((short) (Math.sin(2 * Math.PI * hertz * i / rate) * Short.MAX_VALUE / 2));
        }
        AudioFormat format = new AudioFormat(rate, 16, 1, true, false);
        AudioSystem.write(new AudioInputStream(new ByteArrayInputStream(pcm.array()), format, samples),
                AudioFileFormat.Type.WAVE, wav.toFile());
    }
}
