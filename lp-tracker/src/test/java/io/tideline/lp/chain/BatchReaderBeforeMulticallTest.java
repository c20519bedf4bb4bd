package io.tideline.lp.chain;

import static org.assertj.core.api.Assertions.assertThat;

import io.tideline.evm.RpcClient;
import io.tideline.lp.chain.BatchReader.Read;
import io.tideline.testing.ChainDeployment;
import io.tideline.testing.TestChain;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A chain followed from before its Multicall3 existed (./platform up starts at block 0; a mainnet backfill may start
 * before Multicall3's deployment): reads at those blocks still answer, through plain eth_calls.
 */
class BatchReaderBeforeMulticallTest {

    @Test
    void readsAtBlocksWithoutMulticallFallBackToPlainCalls() {
        TestChain chain = TestChain.shared();
        ChainDeployment deployment = chain.deployment();
        String token = deployment.tokens().weth().address();
        String multicall3 = deployment.contracts().multicall3();
        long tokenBlock = firstBlockWithCode(chain, token);
        // The deployment creates the tokens before Multicall3: the block in between is the case under test.
        assertThat(hasCode(chain, multicall3, tokenBlock)).as("Multicall3 already at block %d", tokenBlock).isFalse();
        long after = chain.blockNumber();

        try (RpcClient rpc = new RpcClient(chain.rpcUrl(), Duration.ofSeconds(10))) {
            BatchReader reader = new BatchReader(rpc, multicall3, 400);
            List<Multicall3.Result> results = reader.read(List.of(
                    new Read(token, UniswapAbi.decimals(), tokenBlock),
                    new Read(token, UniswapAbi.decimals(), after),
                    new Read(token, UniswapAbi.decimals(), 0)));
            assertThat(results.get(0).success()).isTrue();
            assertThat(results.get(0).words().smallUint(0)).isEqualTo(18);
            assertThat(results.get(1).words().smallUint(0)).isEqualTo(18);
            // Nothing deployed at genesis: an empty answer, which callers treat as "not there yet".
            assertThat(results.get(2).words().words()).isZero();
            // The aggregate3 batch, then one batch of plain calls for the blocks before Multicall3.
            assertThat(reader.roundTrips()).isEqualTo(2);
        }
    }

    private static long firstBlockWithCode(TestChain chain, String address) {
        for (long block = 0; block <= chain.blockNumber(); block++) {
            if (hasCode(chain, address, block)) {
                return block;
            }
        }
        throw new IllegalStateException(address + " has no code on the test chain");
    }

    private static boolean hasCode(TestChain chain, String address, long block) {
        String code = chain.send("eth_getCode", address, "0x" + Long.toHexString(block)).asText();
        return code.length() > 2;
    }
}
