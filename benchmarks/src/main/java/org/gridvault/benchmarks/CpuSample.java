package org.gridvault.benchmarks;

import java.util.HashMap;
import java.util.Map;

/**
 * CPU microseconds used so far by the server JVM (in total and per thread pool), by its PostgreSQL (all processes)
 * and by this load generator. Subtract two samples to get what a phase cost.
 */
record CpuSample(long serverMicros, Map<String, Long> serverThreadMicros, long postgresMicros, long generatorMicros) {

    static CpuSample take(long serverPid, long postmasterPid) {
        return new CpuSample(
                CpuTime.ofProcess(serverPid),
                CpuTime.byThreadPool(serverPid),
                CpuTime.ofPostgres(postmasterPid),
                CpuTime.ofProcess(ProcessHandle.current().pid()));
    }

    CpuSample minus(CpuSample earlier) {
        var threads = new HashMap<String, Long>(serverThreadMicros);
        earlier.serverThreadMicros.forEach((pool, micros) -> threads.merge(pool, -micros, Long::sum));
        return new CpuSample(
                serverMicros - earlier.serverMicros,
                Map.copyOf(threads),
                postgresMicros - earlier.postgresMicros,
                generatorMicros - earlier.generatorMicros);
    }
}
