package io.tideline.messaging.tx;

import io.vertx.pgclient.PgException;

/**
 * The database did not answer (no connection, a cut connection, a timeout while it is away): an outage, not a fault
 * of the request or the message. HTTP answers 503 with Retry-After; workers and consumers wait it out.
 */
public class DatabaseUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DatabaseUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * A failure of a statement run without blocking (where {@link DatabaseProbe} cannot be asked), told apart by its
     * kind: the database refused the statement (a {@link PgException} of any class but connection exception 08,
     * insufficient resources 53 or operator intervention 57) — as it is; anything else (no connection, a cut one, no
     * answer within the timeout, the server shutting down) — an outage.
     */
    public static Throwable unlessRefused(Throwable failure) {
        if (failure instanceof DatabaseUnavailableException) {
            return failure;
        }
        if (failure instanceof PgException pg && !OUTAGE_CLASSES.contains(classOf(pg.getSqlState()))) {
            return failure;
        }
        return new DatabaseUnavailableException("the database does not answer: " + failure.getMessage(), failure);
    }

    private static final java.util.Set<String> OUTAGE_CLASSES = java.util.Set.of("08", "53", "57");

    private static String classOf(String sqlState) {
        return sqlState == null || sqlState.length() < 2 ? "" : sqlState.substring(0, 2);
    }
}
