package io.tideline.e2e.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A service's heap: in use now and in the old generation from its Prometheus metrics ({@code /q/metrics}), and what is
 * live — the objects a full collection keeps, counted by {@code jcmd <pid> GC.class_histogram} (which collects first).
 * Only the live figure tells a leak from garbage: G1 leaves dead objects in the old generation until it reaches 45 % of
 * the heap, so the old generation in use grows under load with nothing leaking, and G1's live-data gauge stays 0 until a
 * full collection, which a healthy service may never need.
 */
final class ServiceMemory {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final String token;
    private final Path pidDir;
    private final String jcmd;

    /** {@code pidDir} holds each service's {@code <name>.pid}; {@code jcmd} the JDK's tool (null: no live figure). */
    ServiceMemory(String token, Path pidDir, String jcmd) {
        this.token = token;
        this.pidDir = pidDir;
        this.jcmd = jcmd;
    }

    /** Megabytes live after a full collection; -1 when it cannot be read (no pid file, no jcmd). */
    long live(String service) {
        if (pidDir == null || jcmd == null) {
            return -1;
        }
        try {
            String pid = Files.readString(pidDir.resolve(service + ".pid")).trim();
            Process process = new ProcessBuilder(jcmd, pid, "GC.class_histogram").redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                return -1;
            }
            // the last line: "Total <instances> <bytes>"
            String[] total = output.strip().substring(output.strip().lastIndexOf('\n') + 1).trim().split("\\s+");
            return total[0].equals("Total") ? Math.round(Long.parseLong(total[2]) / 1_048_576.0) : -1;
        } catch (IOException | NumberFormatException | ArrayIndexOutOfBoundsException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** Megabytes: {heap used, old generation used}; -1 where the service did not answer. */
    long[] read(int port) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/q/metrics")).timeout(Duration.ofSeconds(5)).header("Authorization", "Bearer " + token)
                    .header("Accept", "text/plain").GET().build(), HttpResponse.BodyHandlers.ofString());
            double heap = 0;
            double old = -1;
            for (String line : response.body().split("\n")) {
                if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
                    heap += value(line);
                    if (line.contains("Old Gen") || line.contains("Tenured")) {
                        old = Math.max(old, 0) + value(line);
                    }
                }
            }
            return new long[] {Math.round(heap / 1_048_576), old < 0 ? -1 : Math.round(old / 1_048_576)};
        } catch (Exception e) {
            return new long[] {-1, -1};
        }
    }

    private static double value(String line) {
        return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
    }
}
