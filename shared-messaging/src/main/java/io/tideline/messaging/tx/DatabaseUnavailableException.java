package io.tideline.messaging.tx;

import io.vertx.pgclient.PgException;
import java.util.Set;

/**
 * The database did not answer (no connection, a cut connection, a timeout while it is away): an outage, not a fault
 * of the request or the message. HTTP answers 503 with Retry-After; workers and consumers wait it out.
 */
public class DatabaseUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** SQLSTATE classes of an outage: connection exception, insufficient resources, operator intervention. */
    private static final Set<String> OUTAGE_CLASSES = Set.of("08", "53", "57");

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

    private static String classOf(String sqlState) {
        return sqlState == null || sqlState.length() < 2 ? "" : sqlState.substring(0, 2);
    }
}
