package io.tideline.e2e.scenario;

/** What the platform did differs from what the scenario expected: the step fails with this message. */
public final class Mismatch extends RuntimeException {

    public Mismatch(String message) {
        super(message);
    }

    /** Fails with "{what}: expected {expected}, was {actual}" unless the two are equal. */
    public static void check(Object expected, Object actual, String what) {
        if (expected == null ? actual != null : !expected.equals(actual)) {
            throw new Mismatch(what + ": expected " + expected + ", was " + actual);
        }
    }

    /** Fails with the message unless the condition holds. */
    public static void require(boolean condition, String message) {
        if (!condition) {
            throw new Mismatch(message);
        }
    }
}
