package com.qmailing.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * CPU seconds used so far by the server's processes, from {@code /proc}: a process and its
 * children (PostgreSQL's backends are children of its postmaster; ended ones are in the
 * postmaster's own children totals). Given with {@code -Dqmailing.bench.pids=<jvm>,<postmaster>}.
 */
final class ProcessCpu {

    private static final double TICKS = 100.0;
    private final List<Long> pids = new ArrayList<>();

    ProcessCpu(String pids) {
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
        double[] out = new double[pids.size()];
        for (int i = 0; i < out.length; i++) {
            long pid = pids.get(i);
            double total = ticks(pid, true);
            for (ProcessHandle child : ProcessHandle.of(pid).map(p -> p.children().toList()).orElse(List.of())) {
                total += ticks(child.pid(), false);
            }
            out[i] = total / TICKS;
        }
        return out;
    }

    private static double ticks(long pid, boolean withEndedChildren) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // fields[0] is the state (field 3): utime is field 14, stime 15, cutime 16, cstime 17.
            double ticks = Double.parseDouble(fields[11]) + Double.parseDouble(fields[12]);
            if (withEndedChildren) {
                ticks += Double.parseDouble(fields[13]) + Double.parseDouble(fields[14]);
            }
            return ticks;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
