package com.qmailing.gateway.mime;

import java.lang.management.ManagementFactory;
import java.util.function.Supplier;

/**
 * Runs a step and prints how long it took — wall clock and this thread's CPU time, which the
 * other builds on a shared machine disturb less — and how much it allocated. Time is printed,
 * not asserted; allocation does not depend on the neighbours and is asserted where it matters.
 */
record Measured<T>(T result, long allocatedBytes) {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    static <T> Measured<T> run(String label, Supplier<T> step) {
        long allocatedBefore = THREADS.getCurrentThreadAllocatedBytes();
        long cpuBefore = THREADS.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        T result = step.get();
        long wallMillis = (System.nanoTime() - start) / 1_000_000;
        long cpuMillis = (THREADS.getCurrentThreadCpuTime() - cpuBefore) / 1_000_000;
        long allocated = THREADS.getCurrentThreadAllocatedBytes() - allocatedBefore;
        System.out.printf("[mime timing] %-50s %6d ms wall %6d ms cpu %8.1f MB allocated%n",
                label, wallMillis, cpuMillis, allocated / 1e6);
        return new Measured<>(result, allocated);
    }
}
