package io.tideline.e2e.scenario;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * What the scenario did that only it knows, appended one line per fact ({@code <kind> <id> <detail>}) to a file the
 * chaos run's accounting reads: the webhook deliveries the platform acknowledged. Without a file it keeps nothing.
 */
public final class Ledger {

    private final Path file;

    public Ledger(Path file) {
        this.file = file;
    }

    public static Ledger none() {
        return new Ledger(null);
    }

    public synchronized void record(String kind, String id, String detail) {
        if (file == null) {
            return;
        }
        try {
            Files.writeString(file, kind + " " + id + " " + detail + System.lineSeparator(), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the ledger " + file, e);
        }
    }
}
