package io.tideline.messaging.kafka;

/** Kafka record header names the messaging layer writes. */
public final class Headers {

    public static final String EVENT_ID = "tideline.event-id";
    public static final String EVENT_TYPE = "tideline.event-type";
    public static final String CORRELATION_ID = "tideline.correlation-id";
    /** W3C trace context, derived from the correlation and event ids (see {@code Correlation}). */
    public static final String TRACEPARENT = "traceparent";

    public static final String DLQ_REASON = "dlq.reason";
    public static final String DLQ_ERROR = "dlq.error";
    public static final String DLQ_STACK = "dlq.stack";
    public static final String DLQ_CONSUMER = "dlq.consumer";
    public static final String DLQ_ATTEMPTS = "dlq.attempts";
    public static final String DLQ_SOURCE_TOPIC = "dlq.source.topic";
    public static final String DLQ_SOURCE_PARTITION = "dlq.source.partition";
    public static final String DLQ_SOURCE_OFFSET = "dlq.source.offset";
    public static final String DLQ_FAILED_AT = "dlq.failed-at";
    /** Every {@code dlq.*} header starts so; a replayed record carries none of them. */
    public static final String DLQ_PREFIX = "dlq.";
    /** On a record replayed from a dead-letter topic: where it was, {@code <dlq topic>-<partition>@<offset>}. */
    public static final String REPLAYED_FROM = "tideline.replayed-from";

    private Headers() {
    }
}
