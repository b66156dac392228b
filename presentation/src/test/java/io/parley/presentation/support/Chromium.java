package io.parley.presentation.support;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A headless Chromium for browser tests, driven over the Chrome DevTools Protocol: camera and
 * microphone are fake devices granted without asking, media may play without a gesture. Open
 * {@link BrowserPage}s, then close it: that kills every process it started and deletes its profile.
 */
public final class Chromium implements AutoCloseable {

    private static final Duration STARTUP = Duration.ofSeconds(30);
    private static final List<String> FLAGS = List.of(
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--use-fake-device-for-media-stream",
            "--use-fake-ui-for-media-stream",
            "--autoplay-policy=no-user-gesture-required");

    private final ChromiumProcess process;
    private final DevToolsConnection devTools;

    private Chromium(ChromiumProcess process, DevToolsConnection devTools) {
        this.process = process;
        this.devTools = devTools;
    }

    /** Starts a browser whose fake microphone plays Chromium's built-in beep. */
    public static Chromium launch() {
        return start(FLAGS);
    }

    /** Starts a browser whose fake microphone plays {@code wav} (looped) instead of the beep. */
    public static Chromium launchWithFakeAudio(Path wav) {
        List<String> flags = new ArrayList<>(FLAGS);
        flags.add("--use-file-for-fake-audio-capture=" + wav.toAbsolutePath());
        return start(flags);
    }

    /** The Chromium binary: {@code $PARLEY_CHROMIUM}, else {@code chromium} or {@code chromium-browser} on the PATH. */
    public static Path path() {
        String configured = System.getenv("PARLEY_CHROMIUM");
        if (configured != null && !configured.isBlank()) {
            Path binary = Path.of(configured);
            if (!Files.isExecutable(binary)) {
                throw new AssertionError("PARLEY_CHROMIUM=" + configured + " is not an executable file");
            }
            return binary;
        }
        return onPath("chromium").or(() -> onPath("chromium-browser")).orElseThrow(() -> new AssertionError(
                "browser tests need Chromium, and none was found: install it (Debian/Ubuntu: "
                        + "`apt-get install chromium`), or set PARLEY_CHROMIUM to its binary"));
    }

    /** A new tab that has loaded {@code url}. */
    public BrowserPage openPage(String url) {
        return BrowserPage.open(devTools, url);
    }

    /** The browser process and the processes it started (renderers, GPU, utilities), as they are now. */
    public List<ProcessHandle> processes() {
        return process.processes();
    }

    @Override
    public void close() {
        try {
            devTools.close();
        } finally {
            process.close();
        }
    }

    private static Chromium start(List<String> flags) {
        ChromiumProcess process = ChromiumProcess.start(path(), flags);
        try {
            return new Chromium(process, DevToolsConnection.open(process.endpoint(STARTUP)));
        } catch (RuntimeException | AssertionError e) {
            process.close();
            throw e;
        }
    }

    private static Optional<Path> onPath(String name) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .filter(dir -> !dir.isEmpty())
                .map(dir -> Path.of(dir, name))
                .filter(Files::isExecutable)
                .findFirst();
    }
}
