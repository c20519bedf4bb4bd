package io.tideline.e2e.scenario;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Runs the scenario's steps in order, printing each with its time, and remembers what failed. A failed step ends its
 * strand (the steps after it depend on it); the run goes on with the next strand.
 */
public final class Steps {

    private final PrintStream out;
    private final List<Result> results = new ArrayList<>();

    public Steps(PrintStream out) {
        this.out = out;
    }

    /** A strand: a named sequence of steps that stops at its first failure. */
    public void strand(String name, Strand body) {
        out.printf("%n== %s%n", name);
        try {
            body.run();
        } catch (StrandStopped stopped) {
            out.printf("   (the rest of the %s strand is skipped)%n", name);
        }
    }

    /** Runs one step; prints "ok" with its time and the detail it returns, or "FAIL" with the reason. */
    public void step(String name, Supplier<String> body) {
        long started = System.nanoTime();
        try {
            String detail = body.get();
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            results.add(new Result(name, true, took, detail));
            out.printf(Locale.ROOT, "   ok   %-52s %7.2f s  %s%n", name, took.toMillis() / 1000.0,
                    detail == null ? "" : detail);
        } catch (RuntimeException e) {
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            String reason = e instanceof Mismatch ? e.getMessage() : e.toString();
            results.add(new Result(name, false, took, reason));
            out.printf(Locale.ROOT, "   FAIL %-52s %7.2f s  %s%n", name, took.toMillis() / 1000.0, reason);
            throw new StrandStopped();
        }
    }

    public List<Result> results() {
        return List.copyOf(results);
    }

    public boolean allPassed() {
        return !results.isEmpty() && results.stream().allMatch(Result::passed);
    }

    /** One step's outcome. */
    public record Result(String name, boolean passed, Duration took, String detail) {
    }

    /** The body of a strand. */
    @FunctionalInterface
    public interface Strand {
        void run();
    }

    private static final class StrandStopped extends RuntimeException {
        StrandStopped() {
            super(null, null, false, false);
        }
    }
}
