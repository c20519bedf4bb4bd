package io.tideline.evm;

import java.time.Instant;

/**
 * A block as followers of a chain need it: where it is, what it extends (a parent hash that does not match the block
 * kept before is a reorg), when it was made. Hashes lower-case 0x-hex.
 */
public record BlockHeader(long number, String hash, String parentHash, Instant time) {
}
