package io.tideline.messaging.consumer;

/** The database or broker is unreachable: the records are retried later, never dead-lettered for it. */
public class OutageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public OutageException(String message, Throwable cause) {
        super(message, cause);
    }
}
