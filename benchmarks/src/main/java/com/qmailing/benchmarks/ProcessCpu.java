package com.qmailing.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * CPU seconds from {@code /proc}: a process (the JVM), or a PostgreSQL postmaster with all its
 * backends, and this program's own reaped children (the load generator). On a shared machine CPU
 * per message is steadier than wall-clock throughput.
 */
final class ProcessCpu {

    private static final double TICKS_PER_SECOND = 100.0;

    private ProcessCpu() {
    }

    /** utime + stime of the process, plus those of its live children and of its reaped children when {@code tree}. */
    static double seconds(long pid, boolean tree) {
        long[] stat = stat(pid);
        long ticks = stat[0] + stat[1];
        if (tree) {
            ticks += stat[2] + stat[3];
            for (long child : children(pid)) {
                long[] c = stat(child);
                ticks += c[0] + c[1];
            }
        }
        return ticks / TICKS_PER_SECOND;
    }

    /**
     * CPU of a process's threads whose name starts with {@code prefix} ({@code /proc} keeps 15
     * characters of it), e.g. the HTTP threads that answer the probes' polls.
     */
    static double threadSeconds(long pid, String prefix) {
        long ticks = 0;
        try (var tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                try {
                    if (Files.readString(task.resolve("comm")).startsWith(prefix)) {
                        long[] stat = parse(Files.readString(task.resolve("stat")));
                        ticks += stat[0] + stat[1];
                    }
                } catch (IOException e) {
                    // the thread ended meanwhile
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return ticks / TICKS_PER_SECOND;
    }

    /** CPU of the children this JVM started and reaped (smtp-source). */
    static double reapedChildrenSeconds() {
        long[] stat = stat(ProcessHandle.current().pid());
        return (stat[2] + stat[3]) / TICKS_PER_SECOND;
    }

    static double ownSeconds() {
        long[] stat = stat(ProcessHandle.current().pid());
        return (stat[0] + stat[1]) / TICKS_PER_SECOND;
    }

    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException e) {
            return "?";
        }
    }

    /** utime, stime, cutime, cstime; zeros for a process that is gone. */
    private static long[] stat(long pid) {
        try {
            return parse(Files.readString(Path.of("/proc/" + pid + "/stat")));
        } catch (IOException | RuntimeException e) {
            return new long[4];
        }
    }

    private static long[] parse(String line) {
        String[] f = line.substring(line.lastIndexOf(')') + 2).split(" ");
        // after "pid (comm) ": state is f[0]; utime is field 14 overall, i.e. f[11]
        return new long[] {Long.parseLong(f[11]), Long.parseLong(f[12]), Long.parseLong(f[13]),
                Long.parseLong(f[14])};
    }

    private static List<Long> children(long pid) {
        List<Long> children = new ArrayList<>();
        try (var tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                String list = Files.readString(task.resolve("children")).trim();
                if (!list.isEmpty()) {
                    for (String child : list.split(" ")) {
                        children.add(Long.parseLong(child));
                    }
                }
            }
        } catch (IOException e) {
            // gone: no children to count
        }
        return children;
    }
}
