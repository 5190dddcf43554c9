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

    /**
     * A process's CPU time per thread pool, from {@code /proc/<pid>/task/*}: thread names (as the kernel keeps them,
     * at most 15 characters) with their numbers replaced by {@code #}, so a pool's threads add up. Threads that ended
     * between two samples are missing from the later one, so use this to see where the time went, not for totals.
     */
    static java.util.Map<String, Long> byThreadPool(long pid) {
        var pools = new java.util.HashMap<String, Long>();
        try (var tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (var task : tasks.toList()) {
                try {
                    var text = Files.readString(task.resolve("stat"));
                    var name = text.substring(text.indexOf('(') + 1, text.lastIndexOf(')'));
                    var fields = text.substring(text.lastIndexOf(')') + 2).split(" ");
                    var micros = (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * MICROS_PER_TICK;
                    pools.merge(name.replaceAll("\\d+", "#"), micros, Long::sum);
                } catch (IOException threadEnded) {
                    // gone between listing and reading
                }
            }
        } catch (IOException gone) {
            return java.util.Map.of();
        }
        return java.util.Map.copyOf(pools);
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
