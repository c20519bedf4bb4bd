package io.tideline.lp.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.tideline.evm.BlockHeader;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Where a reorg rewinds to: the newest remembered block still on the chain, else a restart below every fact. */
class RewindPointTest {

    @Test
    void rewindsToTheNewestRememberedBlockTheChainStillHas() {
        List<TrackerStore.StoredBlock> remembered = List.of(stored(30, "old30"), stored(25, "old25"),
                stored(20, "h20"), stored(14, "h14"));
        List<BlockHeader> onChain = List.of(header(30, "new30"), header(25, "new25"), header(20, "h20"),
                header(14, "h14"));

        assertThat(RewindPoint.find(remembered, onChain)).contains(new RewindPoint(20, "h20"));
    }

    @Test
    void findsNoForkWhenTheChainHasNoneOfTheRememberedBlocks() {
        List<TrackerStore.StoredBlock> remembered = List.of(stored(30, "old30"), stored(14, "old14"));
        List<BlockHeader> onChain = List.of(header(30, "new30"), header(14, "new14"));

        assertThat(RewindPoint.find(remembered, onChain)).isEmpty();
        assertThat(RewindPoint.find(List.of(), List.of())).isEmpty();
    }

    @Test
    void aRestartGoesBackToTheBlockBeforeTheStartBlock() {
        assertThat(RewindPoint.restartBlock(100, OptionalLong.of(150))).isEqualTo(99);
        assertThat(RewindPoint.restartBlock(100, OptionalLong.empty())).isEqualTo(99);
    }

    @Test
    void aRestartGoesBelowAFactThatABackfillFoundBeforeTheStartBlock() {
        assertThat(RewindPoint.restartBlock(100, OptionalLong.of(40))).isEqualTo(39);
    }

    @Test
    void aRestartNeverGoesBelowTheGenesis() {
        // Block 0 carries no logs, so no fact is at or below it and every retraction's fork block is valid (>= 0).
        assertThat(RewindPoint.restartBlock(0, OptionalLong.of(14))).isZero();
        assertThat(RewindPoint.restartBlock(0, OptionalLong.empty())).isZero();
        assertThat(RewindPoint.restartBlock(1, OptionalLong.of(1))).isZero();
    }

    private static TrackerStore.StoredBlock stored(long number, String hash) {
        return new TrackerStore.StoredBlock(number, hash);
    }

    private static BlockHeader header(long number, String hash) {
        return new BlockHeader(number, hash, "parent", Instant.EPOCH);
    }
}
