package io.tideline.lp.chain;

import java.time.Instant;

/** The parts of a block header the tracker needs: where it is, what it extends, when it was made. */
public record BlockHeader(long number, String hash, String parentHash, Instant time) {
}
