package io.tideline.gateway.stream;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import java.time.Duration;

/** The live stream's bounds ({@code tideline.gateway.stream.*}). */
@ConfigMapping(prefix = "tideline.gateway.stream")
public interface StreamConfig {

    /** Events kept for clients that resume with {@code Last-Event-ID} (market prices are not kept). */
    @WithDefault("10000")
    @Min(1)
    @Max(1_000_000)
    int replayBuffer();

    /** Frames a client may be behind before it is dropped. */
    @WithDefault("1000")
    @Min(1)
    @Max(100_000)
    int clientQueue();

    /** A comment line to every client this often, so proxies keep idle streams open. */
    @WithDefault("15s")
    Duration heartbeat();

    /** Streams one caller (a person's subject, or an API key) may hold open at once. */
    @WithDefault("5")
    @Min(1)
    int maxStreamsPerCaller();

    /**
     * Records read from Kafka in one poll. A poll is a burst every client gets at once: keep it well under
     * {@link #clientQueue()}.
     */
    @WithDefault("500")
    @Min(1)
    int maxPollRecords();

    /** How often the streamed topics' partitions are read again, so that partitions added later are read too. */
    @WithDefault("30s")
    Duration partitionRefresh();

    /** Streams this instance serves at once. */
    @WithDefault("5000")
    @Min(1)
    int maxStreams();
}
