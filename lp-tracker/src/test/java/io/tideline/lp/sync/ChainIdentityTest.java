package io.tideline.lp.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.tideline.lp.config.OnNewChain;
import io.tideline.lp.sync.ChainIdentity.Verdict;
import org.junit.jupiter.api.Test;

/** The genesis hash decides whether the node runs the checkpoint's chain, and on-new-chain what to do if not. */
class ChainIdentityTest {

    private static final String A = "0x" + "a".repeat(64);
    private static final String B = "0x" + "b".repeat(64);

    @Test
    void theSameGenesisIsTheSameChainWhateverThePolicy() {
        assertThat(ChainIdentity.judge(A, A, OnNewChain.FAIL)).isEqualTo(Verdict.SAME);
        assertThat(ChainIdentity.judge(A, A, OnNewChain.START_OVER)).isEqualTo(Verdict.SAME);
        assertThat(ChainIdentity.judge(A, A.toUpperCase().replace("0X", "0x"), OnNewChain.FAIL))
                .isEqualTo(Verdict.SAME);
    }

    @Test
    void withoutARecordedGenesisTheNodesIsRecorded() {
        assertThat(ChainIdentity.judge(null, A, OnNewChain.FAIL)).isEqualTo(Verdict.RECORD);
        assertThat(ChainIdentity.judge(null, A, OnNewChain.START_OVER)).isEqualTo(Verdict.RECORD);
    }

    @Test
    void anotherGenesisIsRefusedByDefault() {
        assertThat(ChainIdentity.judge(A, B, OnNewChain.FAIL)).isEqualTo(Verdict.REFUSE);
    }

    @Test
    void anotherGenesisStartsOverOnlyWhenToldTo() {
        assertThat(ChainIdentity.judge(A, B, OnNewChain.START_OVER)).isEqualTo(Verdict.START_OVER);
    }

    @Test
    void theRefusalNamesBothGenesisHashesAndTheSettingToChange() {
        assertThat(ChainIdentity.differentChain(B, A)).isEqualTo("a different chain: genesis " + B
                + " but the checkpoint was taken on " + A
                + "; set tideline.lp.chain.on-new-chain=start-over to start over");
    }
}
