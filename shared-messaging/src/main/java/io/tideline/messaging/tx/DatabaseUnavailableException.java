package io.tideline.messaging.tx;

/**
 * The database did not answer (no connection, a cut connection, a timeout while it is away): an outage, not a fault
 * of the request or the message. HTTP answers 503 with Retry-After; workers and consumers wait it out.
 */
public class DatabaseUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DatabaseUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
