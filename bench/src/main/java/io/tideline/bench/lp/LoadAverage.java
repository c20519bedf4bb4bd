package io.tideline.bench.lp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The machine's 1/5/15-minute load average, printed with the figures because a busy machine skews them. */
public final class LoadAverage {

    private LoadAverage() {
    }

    public static String read() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "unknown";
        }
    }
}
