package org.gridvault.benchmarks;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a server's CPU went, from a JFR recording ({@code IngestBenchmark --jfr=true} records the rounds): execution
 * samples counted by thread pool, by top frame (self time), by the innermost frame of a package (so library time is
 * charged to the calling code of that package) and inclusively per method of that package.
 *
 * <pre>java -cp benchmarks/target/gridvault-benchmarks.jar org.gridvault.benchmarks.JfrHotMethods server.jfr \
 *     [top=25] [package=org.gridvault]</pre>
 */
public final class JfrHotMethods {

    public static void main(String[] args) throws Exception {
        var file = Path.of(args[0]);
        int top = args.length > 1 ? Integer.parseInt(args[1]) : 25;
        var prefix = args.length > 2 ? args[2] : "org.gridvault";
        var byThread = new HashMap<String, Integer>();
        var bySelf = new HashMap<String, Integer>();
        var byInnermost = new HashMap<String, Integer>();
        var inclusive = new HashMap<String, Integer>();
        int samples = 0;
        for (var event : RecordingFile.readAllEvents(file)) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
                continue;
            }
            samples++;
            var thread = event.getThread("sampledThread");
            byThread.merge(threadGroup(thread == null ? null : thread.getJavaName()), 1, Integer::sum);
            var frames = event.getStackTrace().getFrames();
            if (frames.isEmpty()) {
                continue;
            }
            bySelf.merge(name(frames.getFirst()), 1, Integer::sum);
            var ours = frames.stream()
                    .filter(frame -> frame.getMethod().getType().getName().startsWith(prefix))
                    .toList();
            byInnermost.merge(ours.isEmpty() ? "(no " + prefix + " frame)" : name(ours.getFirst()), 1, Integer::sum);
            var seen = new HashSet<String>();
            ours.forEach(frame -> seen.add(name(frame)));
            seen.forEach(method -> inclusive.merge(method, 1, Integer::sum));
        }
        System.out.printf("%,d execution samples in %s%n", samples, file);
        print("By thread", byThread, samples, top);
        print("By top frame (self)", bySelf, samples, top);
        print("By innermost " + prefix + " frame", byInnermost, samples, top);
        print("Inclusive, " + prefix + " methods", inclusive, samples, top);
    }

    /** Thread names without their running number, so pools add up: "telemetry-writer-0" -> "telemetry-writer-#". */
    private static String threadGroup(String name) {
        return name == null ? "?" : name.replaceAll("\\d+", "#");
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    private static void print(String title, Map<String, Integer> counts, int total, int top) {
        System.out.printf("%n%s:%n", title);
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(top)
                .forEach(entry ->
                        System.out.printf("  %5.1f %%  %s%n", 100.0 * entry.getValue() / total, entry.getKey()));
    }
}
