package io.fleetbench.rules.core;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * Measures evaluations of the {@link RuleEvaluationBenchmark} snapshot per CPU second of the evaluating thread, so
 * that the figure does not depend on other load on the machine. JMH gives the wall-clock throughput, and this
 * shows what a core that is not shared would reach. Arguments: warm-up and measured evaluations (default 2000 each).
 */
public final class RuleEvaluationCpuTime {

    private RuleEvaluationCpuTime() {
    }

    public static void main(String[] args) {
        int warmup = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int measured = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        RuleEvaluationBenchmark benchmark = new RuleEvaluationBenchmark();
        benchmark.benchmarkVersion = "1.8.0";
        benchmark.setUp();
        for (int i = 0; i < warmup; i++) {
            benchmark.evaluateFiftyContainerSnapshot();
        }

        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long wallStart = System.nanoTime();
        int findings = 0;
        for (int i = 0; i < measured; i++) {
            findings = benchmark.evaluateFiftyContainerSnapshot().findings().size();
        }
        double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        double wallSeconds = (System.nanoTime() - wallStart) / 1e9;

        System.out.printf("%d snapshots (%d findings each): %.0f snapshots per CPU second, %.0f per wall second%n",
                measured, findings, measured / cpuSeconds, measured / wallSeconds);
    }
}
