package io.tideline.bench.settlement;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CPU time used by the processes of one benchmark scenario, read from Linux's {@code /proc}: the PostgreSQL backends
 * connected to its database (told apart by the database name in their process title) and the service's process.
 * On a machine others share, wall time swings with their load; the CPU a run costs hardly does. Where {@code /proc}
 * cannot be read (another system, another user's PostgreSQL) the figures are -1.
 */
final class CpuTime {

    private static final long TICK_NANOS = 10_000_000L; // USER_HZ = 100 on Linux

    private CpuTime() {
    }

    /** A reading: CPU ticks per PostgreSQL backend of the database (by pid), and the service's CPU time. */
    record Reading(Map<Long, Long> backendTicks, Duration service, Map<Long, Thread> serviceThreads) {

        /** One thread of the service: its name as Linux shows it (15 characters at most) and its CPU ticks. */
        record Thread(String name, long ticks) {
        }

        /**
         * The service's CPU since {@code before} in ms by thread name, digits and dashes at the end dropped (the pair
         * workers, event loops, GC workers each as one), largest first; empty where {@code /proc} cannot be read.
         */
        Map<String, Long> serviceMillisByThreadSince(Reading before) {
            Map<String, Long> ticks = new HashMap<>();
            for (Map.Entry<Long, Thread> t : serviceThreads.entrySet()) {
                Thread earlier = before.serviceThreads.get(t.getKey());
                long used = t.getValue().ticks() - (earlier == null ? 0 : earlier.ticks());
                if (used > 0) {
                    ticks.merge(t.getValue().name().replaceAll("[-#0-9 ]+$", ""), used, Long::sum);
                }
            }
            Map<String, Long> millis = new LinkedHashMap<>();
            ticks.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                    .forEach(e -> millis.put(e.getKey(), e.getValue() * TICK_NANOS / 1_000_000));
            return millis;
        }

        /** PostgreSQL backends' CPU since {@code before} in ms (a backend started since counts from 0), or -1. */
        long postgresMillisSince(Reading before) {
            if (backendTicks.isEmpty()) {
                return -1;
            }
            long ticks = 0;
            for (Map.Entry<Long, Long> backend : backendTicks.entrySet()) {
                ticks += backend.getValue() - before.backendTicks.getOrDefault(backend.getKey(), 0L);
            }
            return ticks * TICK_NANOS / 1_000_000;
        }

        /** The service's CPU since {@code before} in ms, or -1. */
        long serviceMillisSince(Reading before) {
            return service.isNegative() || before.service.isNegative() ? -1 : service.minus(before.service).toMillis();
        }
    }

    static Reading read(String database, ProcessHandle service) {
        return new Reading(backends(database), service.info().totalCpuDuration().orElse(Duration.ofMillis(-1)),
                threads(service.pid()));
    }

    /**
     * The CPU ticks the JIT compiler threads of the process have used ({@code C1 CompilerThre}, {@code C2
     * CompilerThre}), or -1 where {@code /proc} cannot be read.
     */
    static long compilerTicks(ProcessHandle service) {
        Map<Long, Reading.Thread> threads = threads(service.pid());
        if (threads.isEmpty()) {
            return -1;
        }
        return threads.values().stream().filter(t -> t.name().contains("CompilerThre")).mapToLong(Reading.Thread::ticks)
                .sum();
    }

    /** The CPU ticks of each thread of the process (by thread id), with its name. */
    private static Map<Long, Reading.Thread> threads(long pid) {
        Map<Long, Reading.Thread> threads = new HashMap<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    threads.put(Long.parseLong(task.getFileName().toString()), new Reading.Thread(name,
                            Long.parseLong(fields[11]) + Long.parseLong(fields[12])));
                } catch (IOException | RuntimeException e) {
                    // the thread ended
                }
            }
        } catch (IOException e) {
            return Map.of();
        }
        return threads;
    }

    /** The service: the child process of this JVM that runs the packaged service. */
    static ProcessHandle service(String jarName) {
        return ProcessHandle.current().children()
                .filter(p -> p.info().commandLine().map(c -> c.contains(jarName)).orElse(false))
                .findFirst().orElseThrow(() -> new IllegalStateException("no child process runs " + jarName));
    }

    private static Map<Long, Long> backends(String database) {
        Map<Long, Long> ticks = new HashMap<>();
        try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path proc : procs) {
                try {
                    // a backend's title: "postgres: 15/main: <user> <database> <host>(<port>) <state>"
                    String title = Files.readString(proc.resolve("cmdline"), StandardCharsets.UTF_8);
                    if (!title.startsWith("postgres: ") || !title.contains(" " + database + " ")) {
                        continue;
                    }
                    String stat = Files.readString(proc.resolve("stat"));
                    // fields after the command (in parentheses): state is field 3, utime 14, stime 15
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    ticks.put(Long.parseLong(proc.getFileName().toString()),
                            Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
                } catch (IOException | RuntimeException e) {
                    // the process ended, or is not ours to read
                }
            }
        } catch (IOException e) {
            return Map.of();
        }
        return ticks;
    }
}
