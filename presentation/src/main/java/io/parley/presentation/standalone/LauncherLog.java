package io.parley.presentation.standalone;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * The launcher's log lines, written to standard error in the application's log format: before the application
 * starts and after it stops, its logging is not running.
 */
final class LauncherLog {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss,SSS");

    private LauncherLog() {
    }

    static void info(String message) {
        write("INFO ", message);
    }

    static void warn(String message) {
        write("WARN ", message);
    }

    static void error(String message, Throwable cause) {
        StringWriter trace = new StringWriter();
        if (cause != null) {
            cause.printStackTrace(new PrintWriter(trace));
        }
        write("ERROR", cause == null ? message : message + ": " + cause.getMessage() + System.lineSeparator() + trace);
    }

    private static void write(String level, String message) {
        System.err.println(TIME.format(LocalDateTime.now()) + " " + level + " [io.par.pre.sta.ParleyMain] (main) "
                + message);
        System.err.flush();
    }
}
