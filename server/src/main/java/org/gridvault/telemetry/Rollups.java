package org.gridvault.telemetry;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The rollup worker: turns the ranges the writer queued ({@code telemetry.rollup_queue}) into 5-minute, 15-minute,
 * hourly, daily and monthly buckets.
 *
 * <p>Each batch, in one transaction: take the oldest queue rows (skipping rows another worker holds), merge them into
 * time ranges per device, recompute exactly the buckets those ranges affect (never everything) for many devices at
 * once, and delete the rows.
 * A crash before the commit leaves the rows queued, and rolling a range up twice gives the same result, so every
 * written reading is rolled up. Devices are locked while they are rolled up, so several workers (on several nodes)
 * can share the queue.
 *
 * <p>Runs on a schedule ({@code gridvault.telemetry.rollups.delay} between runs); tests call {@link #rollUpPending()}
 * to roll up everything queued so far. Thread-safe.
 */
@Service
public class Rollups {

    private static final Logger log = LoggerFactory.getLogger(Rollups.class);

    private final RollupQueue queue;
    private final BatchRollup batchRollup;
    private final TransactionTemplate transactions;
    private final RollupProperties properties;

    Rollups(RollupQueue queue, BatchRollup batchRollup, TransactionTemplate transactions, RollupProperties properties) {
        this.queue = queue;
        this.batchRollup = batchRollup;
        this.transactions = transactions;
        this.properties = properties;
    }

    /**
     * Rolls up everything queued when called, waiting for rows another worker is rolling up at the moment, so that
     * afterwards every reading written before the call is in the rollups. Returns how many queue rows this call
     * processed.
     */
    public int rollUpPending() {
        return rollUp(Integer.MAX_VALUE, true);
    }

    @Scheduled(fixedDelayString = "${gridvault.telemetry.rollups.delay:30s}")
    void rollUpOnSchedule() {
        rollUp(properties.batchesPerRun(), false);
    }

    private int rollUp(int maxBatches, boolean drain) {
        int processed = 0;
        for (int batch = 0; batch < maxBatches; batch++) {
            int rows;
            try {
                rows = batch(false);
                if (rows == 0 && drain && !queue.isEmpty()) {
                    rows = batch(true);
                }
            } catch (RuntimeException e) {
                log.error("Rolling up a batch of the queue failed; trying its rows one by one", e);
                processed += oneByOne();
                break;
            }
            processed += rows;
            // A short batch took everything queued when it started; what came in since waits for the next run
            // (unless draining), so that runs do not chase the writers with ever smaller batches, each re-reading the
            // readings already in its devices' current buckets.
            if (rows == 0 || (!drain && rows < properties.batchSize())) {
                break;
            }
        }
        return processed;
    }

    private int batch(boolean wait) {
        var processed = transactions.execute(status -> {
            var rows = queue.take(properties.batchSize(), wait);
            rollUp(rows);
            queue.delete(rows.stream().map(RollupQueue.QueueRow::id).toList());
            return rows.size();
        });
        return processed == null ? 0 : processed;
    }

    /**
     * After a failed batch: the rows of the next batch, each in its own transaction, so that one row that cannot be
     * rolled up does not hold up the others. Rows that fail stay queued (and are logged) for the next run.
     */
    private int oneByOne() {
        int processed = 0;
        for (var id : queue.oldestIds(properties.batchSize())) {
            try {
                var rows = transactions.execute(status -> {
                    var taken = queue.take(id);
                    rollUp(taken);
                    queue.delete(List.of(id));
                    return taken.size();
                });
                processed += rows == null ? 0 : rows;
            } catch (RuntimeException e) {
                log.error("Rolling up queue row {} failed; it stays queued and is retried on the next run", id, e);
            }
        }
        return processed;
    }

    private void rollUp(List<RollupQueue.QueueRow> rows) {
        var ranges = QueuedRanges.byDevice(rows, properties.mergeGap());
        queue.lock(ranges.keySet());
        batchRollup.rollUp(ranges);
    }
}
