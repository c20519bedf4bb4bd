package io.tideline.messaging;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

import java.time.Duration;

/**
 * Settings of the reliable-messaging layer ({@code tideline.messaging.*}); defaults run locally, and a missing
 * or invalid value stops the service at start with a message naming the property.
 */
@ConfigMapping(prefix = "tideline.messaging")
public interface MessagingConfig {

    /** The service name: the {@code source} of the events it publishes and the prefix of its consumer groups. */
    @NotBlank
    String service();

    /** Kafka bootstrap servers, host:port[,host:port]. */
    @NotBlank
    String kafkaBootstrapServers();

    /**
     * How often the outbox relay, each consumer and each inbox worker delete what is past its retention (published
     * outbox rows, applied event ids, processed inbox messages); the first time at start.
     */
    @WithDefault("10m")
    Duration cleanupInterval();

    Relay relay();

    Consumer consumer();

    Inbox inbox();

    Settings settings();

    /** The reader of feature flags and runtime settings ({@code RuntimeSettings}, the {@code config} topic). */
    interface Settings {
        /** Whether this service follows the {@code config} topic; when off every setting has its default. */
        @WithDefault("true")
        boolean enabled();
    }

    /** The durable inbox's workers (one per {@code InboxHandler}). */
    interface Inbox {
        /** Messages processed per transaction at most. */
        @WithDefault("500")
        @Min(1)
        @Max(10_000)
        int batchSize();

        /** A batch stops taking more messages after this long, so its events are not held back. */
        @WithDefault("20ms")
        Duration maxBatchTime();

        /** Pause when the inbox is empty (a new message wakes the worker at once). */
        @WithDefault("200ms")
        Duration pollInterval();

        /** Longest pause after a failed batch or during an outage. */
        @WithDefault("5s")
        Duration maxBackoff();

        /** Failed attempts, while the database answers, before a message is set aside with the reason. */
        @WithDefault("3")
        @Min(1)
        @Max(100)
        int maxAttempts();

        /** How long processed messages are kept for inspection. */
        @WithDefault("7d")
        Duration retention();
    }

    /** The outbox relay. */
    interface Relay {
        /** Whether this instance relays its outbox to Kafka (one relay per database at a time holds the lock). */
        @WithDefault("true")
        boolean enabled();

        /** Rows published per pass. */
        @WithDefault("500")
        @Min(1)
        @Max(10_000)
        int batchSize();

        /**
         * Batches handed to the broker and not yet acknowledged at once: the relay reads and sends the next batch
         * while it waits for the previous one's acknowledgements (1 = no pipelining).
         */
        @WithDefault("2")
        @Min(1)
        @Max(16)
        int inFlightBatches();

        /**
         * Batches one pass (one transaction, one hold of the relay lock) publishes at most before it commits. Small:
         * each read of the pass walks past the rows the pass has already deleted, which only its commit lets
         * PostgreSQL skip.
         */
        @WithDefault("4")
        @Min(1)
        @Max(1_000)
        int batchesPerPass();

        /** Pause between passes when the outbox is drained. */
        @WithDefault("50ms")
        Duration pollInterval();

        /** Longest pause after a failed pass (back-off doubles up to it). */
        @WithDefault("5s")
        Duration maxBackoff();

        /** How long published rows are kept for inspection before they are deleted. */
        @WithDefault("7d")
        Duration retention();
    }

    /** The idempotent Kafka consumers. */
    interface Consumer {
        /** Whether the service's event handlers consume at all (off in some tests and tools). */
        @WithDefault("true")
        boolean enabled();

        /** Records fetched per poll, and so applied per transaction. */
        @WithDefault("500")
        @Min(1)
        @Max(10_000)
        int maxPollRecords();

        /** Attempts at applying a record before it goes to its dead-letter topic. */
        @WithDefault("3")
        @Min(1)
        @Max(100)
        int maxAttempts();

        /** Pause before the first retry; doubles up to {@link #maxBackoff()}. */
        @WithDefault("100ms")
        Duration initialBackoff();

        @WithDefault("10s")
        Duration maxBackoff();

        /**
         * How long a consumer remembers an applied event id ({@code processed_event}). Longer than any redelivery
         * can come late: the topics' retention (7 days by default) and any replay window. A full replay from offset 0
         * goes to a new consumer name, never to an old one.
         */
        @WithDefault("30d")
        Duration processedRetention();
    }
}
