package io.tideline.pnl.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DeskWalletsTest {

    private static final String CTF = "0x4d97dcd97ec945f40cf65f87097ace5ea0476045";
    private static final String USDC = "0x2791bca1f2de4661ed88a30c99a7a9449aa84174";
    private static final String CTF_EXCHANGE = "0x4bfb41d5b3570defd03c39a9a4d8de6bd8b8982e";
    private static final String NEG_RISK_EXCHANGE = "0xc5d563a36ae78145c45a50134d48a1215220f80a";
    private static final String FEES = "0x00000000000000000000000000000000000000fe";
    private static final String TRADER = "0x00000000000000000000000000000000000000a1";

    @Test
    void withNoWalletListedEveryOtherSideCountsButTheVenuesContracts() {
        DeskWallets wallets = new DeskWallets(config(Optional.empty(), List.of(CTF_EXCHANGE.toUpperCase()
                .replace("0X", "0x"), NEG_RISK_EXCHANGE)));

        assertThat(wallets.isWallet(TRADER)).isTrue();
        // the exchange is the counterparty of every trade: were it a wallet, it would hold the mirror of every book
        assertThat(wallets.isWallet(CTF_EXCHANGE)).isFalse();
        assertThat(wallets.isWallet(NEG_RISK_EXCHANGE)).isFalse();
        assertThat(wallets.isWallet(CTF)).isFalse();
        assertThat(wallets.isWallet(USDC)).isFalse();
        assertThat(wallets.isWallet(FEES)).isFalse();
        assertThat(wallets.isWallet("0x0000000000000000000000000000000000000000")).isFalse();
    }

    @Test
    void listedWalletsAreTheOnlyOnes() {
        DeskWallets wallets = new DeskWallets(config(Optional.of(List.of(TRADER)), List.of(CTF_EXCHANGE)));

        assertThat(wallets.isWallet(TRADER)).isTrue();
        assertThat(wallets.isWallet("0x00000000000000000000000000000000000000b2")).isFalse();
    }

    private static PnlConfig config(Optional<List<String>> listed, List<String> exchanges) {
        PnlConfig.Polymarket polymarket = ConfigOf.map(PnlConfig.Polymarket.class, Map.of("conditionalTokens", CTF,
                "collateralTokens", List.of(USDC), "feeRecipients", Optional.of(List.of(FEES)),
                "exchanges", exchanges));
        return ConfigOf.map(PnlConfig.class, Map.of("wallets", listed, "polymarket", polymarket));
    }
}
