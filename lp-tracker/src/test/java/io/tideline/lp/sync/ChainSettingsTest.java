package io.tideline.lp.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.tideline.lp.config.OnNewChain;
import io.tideline.lp.config.TrackerConfig;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The chain settings name the node by host only, and refuse an RPC URL they could not show that way. */
class ChainSettingsTest {

    private static final String KEY = "v2/sk_live_0123456789abcdef";

    @Test
    void showsTheNodeByHostOnly() {
        ChainSettings settings = ChainSettings.resolve(chain("https://eth-mainnet.example/" + KEY)).settings()
                .orElseThrow();

        assertThat(settings.node()).isEqualTo("https://eth-mainnet.example");
        assertThat(settings.toString()).contains("https://eth-mainnet.example").doesNotContain(KEY);
        assertThat(settings.rpcUrl()).endsWith(KEY);
    }

    @Test
    void refusesAnRpcUrlThatIsNotHttpWithoutRepeatingIt() {
        ChainSettings.Resolution resolution = ChainSettings.resolve(chain("wss://eth-mainnet.example/" + KEY));

        assertThat(resolution.settings()).isEmpty();
        assertThat(resolution.problem()).contains("tideline.lp.chain.rpc-url is not an http(s) URL with a host")
                .doesNotContain(KEY);
    }

    private static TrackerConfig.Chain chain(String rpcUrl) {
        return new TrackerConfig.Chain() {
            public long id() {
                return 1;
            }

            public Optional<String> rpcUrl() {
                return Optional.of(rpcUrl);
            }

            public Optional<String> positionManager() {
                return Optional.of("0xC36442b4a4522E871399CD717aBDD847Ab11FE88");
            }

            public Optional<String> factory() {
                return Optional.of("0x1F98431c8aD98523631AE4a59f267346ea31F984");
            }

            public Optional<String> multicall3() {
                return Optional.of("0xcA11bde05977b3631167028862bE2a173976CA11");
            }

            public String poolInitCodeHash() {
                return "0xe34f199b19b2b4f47f68442619d555527d244f78a3297ea89325f843f87b8b54";
            }

            public Duration rpcTimeout() {
                return Duration.ofSeconds(10);
            }

            public OnNewChain onNewChain() {
                return OnNewChain.FAIL;
            }
        };
    }
}
