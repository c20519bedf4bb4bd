package io.tideline.messaging.outbox;

/** The broker did not confirm part of an outbox batch; the unconfirmed rows stay pending and are retried. */
public class OutboxPublishException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public OutboxPublishException(String message, Throwable cause) {
        super(message, cause);
    }
}
