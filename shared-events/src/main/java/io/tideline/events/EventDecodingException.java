package io.tideline.events;

/**
 * Thrown when bytes cannot be decoded into an {@link EventEnvelope}; the message names the event type and the path of
 * the offending field, and the record belongs on the dead-letter topic.
 */
public final class EventDecodingException extends RuntimeException {

    public EventDecodingException(String message) {
        super(message);
    }

    public EventDecodingException(String message, Throwable cause) {
        super(message, cause);
    }
}
