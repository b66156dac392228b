package io.parley.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a server process's resident and proportional memory (/proc) and Java heap in use (jcmd GC.heap_info). */
final class ProcessMemory {

    private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");

    private ProcessMemory() {
    }

    static String describe(String pid) {
        return "pid" + pid + "[rss=" + procMb(pid, "status", "VmRSS:") + "MB pss="
                + procMb(pid, "smaps_rollup", "Pss:") + "MB heapUsed=" + heapUsedMb(pid) + "MB]";
    }

    /**
     * A kB field of a /proc file, in MB. PSS (smaps_rollup), unlike RSS (status), counts a page mapped
     * several times (ZGC's heap views) once.
     */
    private static long procMb(String pid, String file, String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", pid, file))) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    private static long heapUsedMb(String pid) {
        try {
            Process jcmd = new ProcessBuilder("jcmd", pid, "GC.heap_info").redirectErrorStream(true).start();
            String out = new String(jcmd.getInputStream().readAllBytes());
            jcmd.waitFor();
            Matcher m = HEAP_USED.matcher(out);
            return m.find() ? Long.parseLong(m.group(1)) / 1024 : -1;
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
