package io.parley.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a server process's resident and proportional memory (/proc), Java heap in use (jcmd
 * GC.heap_info) and CPU time used (/proc/pid/stat).
 */
final class ProcessMemory {

    private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");

    private ProcessMemory() {
    }

    static String describe(String pid) {
        return "pid" + pid + "[rss=" + procMb(pid, "status", "VmRSS:") + "MB pss="
                + procMb(pid, "smaps_rollup", "Pss:") + "MB heapUsed=" + heapUsedKb(pid) / 1024 + "MB]";
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

    /** Heap in use right after a full collection (jcmd GC.run), in KB: what live objects hold. */
    static long liveHeapKb(String pid) {
        jcmd(pid, "GC.run");
        return heapUsedKb(pid);
    }

    /** User plus system CPU time the process has used, in milliseconds (clock ticks of 10 ms). */
    static long cpuMillis(String pid) {
        try {
            String stat = Files.readString(Path.of("/proc", pid, "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static long heapUsedKb(String pid) {
        Matcher m = HEAP_USED.matcher(jcmd(pid, "GC.heap_info"));
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    private static String jcmd(String pid, String command) {
        try {
            Process jcmd = new ProcessBuilder("jcmd", pid, command).redirectErrorStream(true).start();
            String out = new String(jcmd.getInputStream().readAllBytes());
            jcmd.waitFor();
            return out;
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
