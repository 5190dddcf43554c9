package org.gridvault.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time of processes from {@code /proc/<pid>/stat} (utime + stime), in microseconds. For PostgreSQL it sums the
 * postmaster, its live children (backends, WAL writer, checkpointer, ...) and the children it has already reaped
 * (cutime + cstime), so the total only grows and a backend that ends between two samples is not lost.
 */
final class CpuTime {

    private static final long MICROS_PER_TICK = 1_000_000L / ticksPerSecond();

    private CpuTime() {}

    /** A process's own CPU time (all its threads). */
    static long ofProcess(long pid) {
        var fields = stat(pid);
        return fields == null ? 0 : (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * MICROS_PER_TICK;
    }

    /** The postmaster, its live children and its reaped children. */
    static long ofPostgres(long postmasterPid) {
        var fields = stat(postmasterPid);
        if (fields == null) {
            return 0;
        }
        long ticks = Long.parseLong(fields[11])
                + Long.parseLong(fields[12]) // utime, stime
                + Long.parseLong(fields[13])
                + Long.parseLong(fields[14]); // cutime, cstime
        long micros = ticks * MICROS_PER_TICK;
        for (var child :
                ProcessHandle.of(postmasterPid).map(p -> p.children().toList()).orElse(java.util.List.of())) {
            micros += ofProcess(child.pid());
        }
        return micros;
    }

    /** The fields after the command name (which may contain spaces), numbered as in proc(5) minus 3. */
    private static String[] stat(long pid) {
        try {
            var text = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return text.substring(text.lastIndexOf(')') + 2).split(" ");
        } catch (IOException gone) {
            return null;
        }
    }

    private static long ticksPerSecond() {
        try {
            var process = new ProcessBuilder("getconf", "CLK_TCK").start();
            return Long.parseLong(new String(process.getInputStream().readAllBytes()).strip());
        } catch (IOException | NumberFormatException e) {
            return 100; // the Linux default
        }
    }
}
