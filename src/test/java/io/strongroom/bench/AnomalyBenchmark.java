package io.strongroom.bench;

import io.strongroom.domain.AnomalyThresholds;
import io.strongroom.domain.AuditAnomaly;
import io.strongroom.domain.AuditRecord;
import io.strongroom.service.audit.AnomalyBenchmarkData;
import io.strongroom.service.audit.AnomalyDetector;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The anomaly detector over 100,000 records (40 app roles over 90 days and a planted sweep): the
 * median of 15 runs after 5 warm-up runs, in one JVM.
 * <pre>
 *   mvn -q test-compile exec:exec -Dexec.classpathScope=test -Dexec.executable=java \
 *       -Dexec.args="-cp %classpath io.strongroom.bench.AnomalyBenchmark"
 * </pre>
 */
public final class AnomalyBenchmark {

    static final int RECORDS = 100_000;
    static final int WARM_UP = 5;
    static final int RUNS = 15;

    private AnomalyBenchmark() {}

    public static void main(String[] args) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long generating = threads.getCurrentThreadCpuTime();
        List<AuditRecord> records = AnomalyBenchmarkData.estate(RECORDS);
        System.out.printf(Locale.ROOT, "generated in %.0f ms of CPU%n", (threads.getCurrentThreadCpuTime() - generating) / 1e6);
        List<AuditAnomaly> anomalies = List.of();
        for (int i = 0; i < WARM_UP; i++) {
            anomalies = AnomalyDetector.detect(records, AnomalyThresholds.DEFAULT, AnomalyBenchmarkData.START, AnomalyBenchmarkData.END);
        }
        double[] millis = new double[RUNS];
        double[] cpuMillis = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long cpu = threads.getCurrentThreadCpuTime();
            long started = System.nanoTime();
            anomalies = AnomalyDetector.detect(records, AnomalyThresholds.DEFAULT, AnomalyBenchmarkData.START, AnomalyBenchmarkData.END);
            millis[i] = (System.nanoTime() - started) / 1e6;
            cpuMillis[i] = (threads.getCurrentThreadCpuTime() - cpu) / 1e6;
        }
        Arrays.sort(millis);
        Arrays.sort(cpuMillis);
        // the thread's CPU time is the figure to quote on a shared machine: the wall clock counts waiting for a core
        System.out.printf(Locale.ROOT, "AnomalyDetector: %,d records, %d anomalies; wall median %.1f ms (min %.1f, max %.1f);"
                        + " CPU median %.1f ms (min %.1f) over %d runs; %d cores, load %.2f%n",
                records.size(), anomalies.size(), millis[RUNS / 2], millis[0], millis[RUNS - 1], cpuMillis[RUNS / 2], cpuMillis[0], RUNS,
                Runtime.getRuntime().availableProcessors(), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
}
