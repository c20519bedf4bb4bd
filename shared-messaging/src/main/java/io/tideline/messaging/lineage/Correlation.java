package io.tideline.messaging.lineage;

import io.tideline.events.EventEnvelope;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;
import org.jboss.logging.MDC;

/**
 * An event's lineage where logs and Kafka see it: the correlation id (and event id) in the log context while the
 * event is handled, and a W3C {@code traceparent} derived from it on each record, so a trace viewer groups all the
 * events of one chain (a chain log, a webhook or a fill through to the last hedge fill and P&L) as one trace.
 */
public final class Correlation {

    /** Log context (MDC) keys; the JSON log format prints them as fields. */
    public static final String CORRELATION_ID = "correlationId";
    public static final String EVENT_ID = "eventId";
    public static final String MESSAGE_ID = "messageId";

    private Correlation() {
    }

    /** Puts the event's ids in the log context until the scope is closed (then restores what was there). */
    public static Scope of(EventEnvelope<?> event) {
        Object previousCorrelation = MDC.get(CORRELATION_ID);
        Object previousEvent = MDC.get(EVENT_ID);
        MDC.put(CORRELATION_ID, EventEnvelope.correlationOf(event));
        MDC.put(EVENT_ID, event.eventId().toString());
        return () -> {
            restore(CORRELATION_ID, previousCorrelation);
            restore(EVENT_ID, previousEvent);
        };
    }

    /**
     * Puts an inbox message's ids in the log context until the scope is closed: its correlation id when it has one,
     * and its message id (an event id, a delivery id).
     */
    public static Scope of(String correlationId, String messageId) {
        Object previousCorrelation = MDC.get(CORRELATION_ID);
        Object previousMessage = MDC.get(MESSAGE_ID);
        if (correlationId != null) {
            MDC.put(CORRELATION_ID, correlationId);
        }
        MDC.put(MESSAGE_ID, messageId);
        return () -> {
            restore(CORRELATION_ID, previousCorrelation);
            restore(MESSAGE_ID, previousMessage);
        };
    }

    /**
     * The W3C trace context of an event: version 00, the trace id from the correlation id (a UUID's 32 hex digits,
     * or the first 16 bytes of SHA-256 of any other text), the parent (span) id from the event id, sampled.
     */
    public static String traceparent(EventEnvelope<?> event) {
        return traceparent(EventEnvelope.correlationOf(event), event.eventId());
    }

    /** The traceparent of an event with this correlation id and event id. */
    public static String traceparent(String correlationId, UUID eventId) {
        String traceId = traceId(correlationId);
        String spanId = eventId.toString().replace("-", "").substring(16);
        if (spanId.equals("0000000000000000")) {
            spanId = "0000000000000001"; // all zeros is invalid
        }
        return "00-" + traceId + "-" + spanId + "-01";
    }

    static String traceId(String correlationId) {
        String hex;
        try {
            hex = UUID.fromString(correlationId).toString().replace("-", "");
        } catch (IllegalArgumentException notUuid) {
            hex = HexFormat.of().formatHex(sha256(correlationId), 0, 16);
        }
        return hex.equals("00000000000000000000000000000000") ? "00000000000000000000000000000001" : hex;
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    private static void restore(String key, Object previous) {
        if (previous == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, previous);
        }
    }

    /** Restores the log context; closing never fails. */
    @FunctionalInterface
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
