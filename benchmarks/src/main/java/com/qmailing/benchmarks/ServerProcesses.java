package com.qmailing.benchmarks;

import java.util.ArrayList;
import java.util.List;

/**
 * The server's processes named by {@code -Dqmailing.bench.pids=<jvm>,<postmaster>}, and the CPU
 * each has used so far with its children ({@link ProcessCpu}): PostgreSQL's backends are children
 * of its postmaster, and ended ones are in its children totals.
 */
final class ServerProcesses {

    private final List<Long> pids = new ArrayList<>();

    ServerProcesses(String pids) {
        if (pids != null && !pids.isBlank()) {
            for (String pid : pids.split(",")) {
                this.pids.add(Long.parseLong(pid.trim()));
            }
        }
    }

    boolean enabled() {
        return !pids.isEmpty();
    }

    /** CPU seconds of each configured process with its children, in the order given. */
    double[] seconds() {
        return pids.stream().mapToDouble(pid -> ProcessCpu.seconds(pid, true)).toArray();
    }
}
