package io.tideline.messaging.inbox;

/** Thrown by an {@link InboxHandler} for a message no retry can fix (a body it cannot read): set aside at once. */
public class UnprocessableMessageException extends RuntimeException {

    public UnprocessableMessageException(String reason) {
        super(reason);
    }

    public UnprocessableMessageException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
