package io.tideline.lp.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.tideline.evm.RpcException;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** Readiness and the sync status say what fails in a sentence, never with an exception's message or the RPC URL. */
class FailureTextTest {

    private static final String NODE = "https://eth-mainnet.example";

    @Test
    void anUnreachableNodeIsSaidToBeUnreachable() {
        RpcException e = RpcException.unreachable("eth_blockNumber to " + NODE + " failed: Connection refused",
                new IOException("Failed to connect to /10.0.0.1:443"));

        assertThat(FailureText.of(e, NODE)).isEqualTo("node unreachable: " + NODE);
    }

    @Test
    void anErrorAnswerIsToldWithoutItsText() {
        RpcException e = new RpcException("eth_getLogs to " + NODE + " answered error -32000: query returned more"
                + " than 10000 results");

        assertThat(FailureText.of(e, NODE)).doesNotContain("-32000", "10000").contains(NODE);
    }

    @Test
    void aChainMismatchIsToldAsItIsWritten() {
        String sentence = "a different chain: genesis 0xb but the checkpoint was taken on 0xa; set"
                + " tideline.lp.chain.on-new-chain=start-over to start over";

        assertThat(FailureText.of(new ChainMismatchException(sentence), NODE)).isEqualTo(sentence);
    }

    @Test
    void anyOtherFailureSaysOnlyThatThePassFailed() {
        IllegalStateException e = new IllegalStateException("connection to jdbc:postgresql://db:5432/x refused");

        assertThat(FailureText.of(e, NODE)).isEqualTo("the sync pass failed (see the log)");
    }
}
