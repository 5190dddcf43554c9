package org.gridvault.benchmarks;

/**
 * CPU microseconds used so far by the server JVM, by its PostgreSQL (all processes) and by this load generator.
 * Subtract two samples to get what a phase cost.
 */
record CpuSample(long serverMicros, long postgresMicros, long generatorMicros) {

    static CpuSample take(long serverPid, long postmasterPid) {
        return new CpuSample(
                CpuTime.ofProcess(serverPid),
                CpuTime.ofPostgres(postmasterPid),
                CpuTime.ofProcess(ProcessHandle.current().pid()));
    }

    CpuSample minus(CpuSample earlier) {
        return new CpuSample(
                serverMicros - earlier.serverMicros,
                postgresMicros - earlier.postgresMicros,
                generatorMicros - earlier.generatorMicros);
    }
}
