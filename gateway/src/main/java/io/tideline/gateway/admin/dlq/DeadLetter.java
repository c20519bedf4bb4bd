package io.tideline.gateway.admin.dlq;

import java.time.Instant;

/**
 * A record of a dead-letter topic as operators browse it: where it is, why it is there (the consumer's headers), the
 * event it carries as far as it can be read, and a bounded preview of its bytes.
 *
 * @param eventId     the envelope's event id (header, else the JSON), when readable
 * @param eventType   the envelope's type (header, else the JSON), when readable
 * @param size        the value's length in bytes
 * @param preview     the value as UTF-8, cut at {@link DeadLetterReader#PREVIEW_CHARS} characters
 * @param replayedAt  when it was replayed to its topic; null if never
 */
public record DeadLetter(String topic, int partition, long offset, Instant timestamp, String key, String reason,
                         String error, String consumer, String attempts, String sourceTopic, String sourcePartition,
                         String sourceOffset, String failedAt, String eventId, String eventType, int size,
                         String preview, boolean previewTruncated, Instant replayedAt, String replayedBy) {

    DeadLetter withReplay(Instant at, String by) {
        return new DeadLetter(topic, partition, offset, timestamp, key, reason, error, consumer, attempts, sourceTopic,
                sourcePartition, sourceOffset, failedAt, eventId, eventType, size, preview, previewTruncated, at, by);
    }
}
