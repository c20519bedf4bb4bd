package io.tideline.alerting.deadletter;

import io.tideline.messaging.kafka.Headers;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A record on a dead-letter topic, as its headers describe it (any may be absent: a record can arrive there from
 * anywhere).
 */
public record DeadLetter(String topic, int partition, long offset, String key, String reason, String error,
                         String consumer, String sourceTopic, String sourcePartition, String sourceOffset,
                         Instant arrivedAt) {

    public static DeadLetter of(ConsumerRecord<String, byte[]> r) {
        return new DeadLetter(r.topic(), r.partition(), r.offset(), printable(r.key()),
                header(r, Headers.DLQ_REASON), header(r, Headers.DLQ_ERROR), header(r, Headers.DLQ_CONSUMER),
                header(r, Headers.DLQ_SOURCE_TOPIC), header(r, Headers.DLQ_SOURCE_PARTITION),
                header(r, Headers.DLQ_SOURCE_OFFSET),
                Instant.ofEpochMilli(r.timestamp()));
    }

    public String title() {
        return "Dead letter on " + topic + (consumer == null ? "" : " from " + consumer);
    }

    public String detail() {
        return "record " + topic + "/" + partition + "@" + offset + (key == null ? "" : " key " + key)
                + (sourceTopic == null ? "" : ", from " + sourceTopic + "/" + sourcePartition + "@" + sourceOffset)
                + ": " + (reason == null ? "no reason given" : reason) + (error == null ? "" : " (" + error + ")")
                + ". Re-drive it with POST /api/v1/messaging/parked/redrive on the consumer's service once the cause"
                + " is dealt with.";
    }

    private static String header(ConsumerRecord<String, byte[]> r, String name) {
        org.apache.kafka.common.header.Header h = r.headers().lastHeader(name);
        if (h == null || h.value() == null) {
            return null;
        }
        return printable(new String(h.value(), StandardCharsets.UTF_8));
    }

    /**
     * Text as it may be stored and shown: at most 500 characters, control characters (a NUL, which PostgreSQL refuses
     * in text, among them) replaced by U+FFFD. A record's key and headers come from anywhere; one that could not be
     * stored would stop the watch at that record for good.
     */
    static String printable(String value) {
        if (value == null) {
            return null;
        }
        String bounded = value.length() > 500 ? value.substring(0, 500) + "…" : value;
        StringBuilder out = new StringBuilder(bounded.length());
        bounded.codePoints().forEach(c -> out.appendCodePoint(Character.isISOControl(c) ? 0xFFFD : c));
        return out.toString();
    }
}
