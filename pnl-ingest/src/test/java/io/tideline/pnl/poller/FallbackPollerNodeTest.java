package io.tideline.pnl.poller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.tideline.evm.RpcException;
import io.tideline.pnl.api.FallbackPollResource;
import io.tideline.pnl.config.ConfigOf;
import io.tideline.pnl.config.DeskWallets;
import io.tideline.pnl.config.PnlConfig;
import io.tideline.service.problem.ProblemException;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The poller names its node by scheme, host and port only, in its state and in the failure a manual scan answers: the
 * configured URL may carry an API key. No database, no chain: the scan fails at its first call to the node.
 */
class FallbackPollerNodeTest {

    private static final String KEY = "v2/sk_live_poller_0123456789";
    private static final String WALLET = "0x00000000000000000000000000000000000000a1";

    @Test
    void anUnreachableNodeIsNamedByHostAndPortInTheStateAndTheFailure() throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        String node = "http://127.0.0.1:" + port;
        FallbackPoller poller = poller(node + "/" + KEY);

        assertThat(poller.configured()).isTrue();
        assertThat(poller.state().node()).isEqualTo(node);

        RpcException failure = catchThrowableOfType(() -> poller.scan("manual"), RpcException.class);
        assertThat(failure.unreachable()).isTrue();
        assertThat(failure.getMessage()).contains(node).doesNotContain(KEY);

        ProblemException answer = catchThrowableOfType(() -> new FallbackPollResource(poller).poll(),
                ProblemException.class);
        assertThat(answer.status()).isEqualTo(502);
        assertThat(answer.getMessage()).startsWith("the chain's JSON-RPC endpoint failed: eth_blockNumber to " + node)
                .doesNotContain(KEY);
        assertThat(poller.state().toString()).doesNotContain(KEY);
    }

    @Test
    void aUrlThatIsNotHttpWithAHostLeavesThePollerOff() {
        FallbackPoller poller = poller("ws://node.example/" + KEY);

        assertThat(poller.configured()).isFalse();
        assertThat(poller.state().node()).isNull();
        assertThat(catchThrowableOfType(() -> new FallbackPollResource(poller).poll(), ProblemException.class)
                .status()).isEqualTo(409);
    }

    private static FallbackPoller poller(String rpcUrl) {
        PnlConfig.Poller poller = ConfigOf.map(PnlConfig.Poller.class, Map.of("enabled", true, "rpcUrl",
                Optional.of(rpcUrl), "network", "TEST", "interval", Duration.ofMinutes(5), "lookback",
                Duration.ofHours(2), "confirmations", 64, "maxBlockRange", 2000));
        PnlConfig.Polymarket polymarket = ConfigOf.map(PnlConfig.Polymarket.class, Map.of("conditionalTokens",
                "0x4d97dcd97ec945f40cf65f87097ace5ea0476045", "collateralTokens",
                List.of("0x2791bca1f2de4661ed88a30c99a7a9449aa84174"), "feeRecipients", Optional.empty(), "exchanges", List.of()));
        PnlConfig config = ConfigOf.map(PnlConfig.class, Map.of("wallets", Optional.of(List.of(WALLET)), "polymarket",
                polymarket, "poller", poller));
        // the database side is never reached: the scan fails on the node first
        return new FallbackPoller(config, null, null, null, new DeskWallets(config), null, Clock.systemUTC(),
                Duration.ofMinutes(5));
    }
}
