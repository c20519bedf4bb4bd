package io.tideline.lp.chain;

import static org.assertj.core.api.Assertions.assertThat;

import io.tideline.evm.BlockHeader;
import io.tideline.evm.ChainLog;
import io.tideline.evm.LogQuery;
import io.tideline.evm.RpcClient;
import io.tideline.testing.ChainDeployment;
import io.tideline.testing.TestChain;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * shared-evm's client as pnl-ingest's fallback poller uses it, against the local chain: transfers to a wallet from any
 * contract (topic filters, no address) over a block range, typed, with their blocks' headers.
 */
class EvmLogsOnChainTest {

    @Test
    void aLogQueryWithoutAddressesFindsTransfersFromEveryContract() {
        TestChain chain = TestChain.shared();
        ChainDeployment deployment = chain.deployment();
        String owner = deployment.accounts().owner().address();
        String npm = deployment.contracts().positionManager().toLowerCase(Locale.ROOT);
        String weth = deployment.tokens().weth().address().toLowerCase(Locale.ROOT);
        String usdc = deployment.tokens().usdc().address().toLowerCase(Locale.ROOT);
        List<List<String>> toOwner = List.of(List.of(UniswapAbi.TRANSFER), List.of(),
                List.of(UniswapAbi.addressTopic(owner)));

        try (RpcClient rpc = new RpcClient(chain.rpcUrl(), Duration.ofSeconds(10))) {
            long head = rpc.blockNumber();
            List<List<ChainLog>> found = rpc.logs(List.of(LogQuery.anyAddress(toOwner),
                    new LogQuery(List.of(npm), toOwner)), 0, head);

            List<ChainLog> any = found.get(0);
            // The deployment mints both test tokens and the first LP NFT to the owner: three contracts, one filter.
            assertThat(any).extracting(ChainLog::address).contains(npm, weth, usdc);
            assertThat(any).allSatisfy(log -> {
                assertThat(log.topic(0)).isEqualTo(UniswapAbi.TRANSFER);
                assertThat(log.topic(2)).isEqualTo(UniswapAbi.addressTopic(owner));
                assertThat(log.txHash()).startsWith("0x").hasSize(66);
            });
            assertThat(any).isSortedAccordingTo(ChainLog.CHAIN_ORDER);
            assertThat(any).containsAll(found.get(1));
            assertThat(found.get(1)).isNotEmpty().allSatisfy(log -> assertThat(log.address()).isEqualTo(npm));

            ChainLog first = any.get(0);
            BlockHeader header = rpc.headers(List.of(first.blockNumber())).get(0);
            assertThat(header.hash()).isEqualTo(first.blockHash());
            assertThat(rpc.roundTrips()).isEqualTo(3);
        }
    }
}
