package io.tideline.perp.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** perp-hedger settings ({@code tideline.perp.*}); every one can be overridden by an environment variable. */
@ConfigMapping(prefix = "tideline.perp")
public interface HedgerConfig {

    /** {@code paper} (fills at the pool price, the default for local runs) or {@code extended} (the X10 exchange). */
    @WithDefault("paper")
    String venue();

    /** Short size = the position's holding of the volatile token x this ratio. */
    @WithDefault("1.0")
    BigDecimal hedgeRatio();

    /**
     * The pools whose positions are hedged, and how. A position in a pool not listed is recorded as UNHEDGED.
     * Properties: {@code tideline.perp.pools[0].pool=31337:0xabc...}, {@code .market=ETH-USD},
     * {@code .volatile-token=token0}, {@code .step=0.001}.
     */
    List<PoolHedge> pools();

    /**
     * The desk's wallets: only positions they own are hedged; a mint of any other owner is recorded UNHEDGED
     * (NOT_DESK_WALLET). None configured means nothing is hedged. {@code tideline.perp.owners=0xabc...,0xdef...}
     */
    Optional<List<String>> owners();

    /** Notional limits, in the markets' collateral (USD): a hedge that would pass one is not opened (OVER_CAP). */
    Caps caps();

    Execution execution();

    Rebalance rebalance();

    Extended extended();

    Paper paper();

    /** Prices read from a venue and published on market.prices ({@code marketdata}). */
    MarketData marketData();

    /** Funding payments of open hedges read from the venue and published on perp.hedges ({@code funding}). */
    Funding funding();

    interface PoolHedge {

        /** {@code chainId:poolAddress}, as lp-tracker keys pool prices. */
        String pool();

        /** The venue's market, e.g. {@code ETH-USD}. */
        String market();

        /** {@code token0} or {@code token1}: the pool token the market's base asset tracks. */
        String volatileToken();

        /** The market's order-size step: hedge sizes are rounded to a multiple of it. */
        BigDecimal step();
    }

    interface Caps {

        /** The most one hedge may be short: target quantity x market price. */
        @WithDefault("250000")
        BigDecimal perHedge();

        /** The most all live hedges together may be short (each at its latest order's reference price). */
        @WithDefault("1000000")
        BigDecimal total();
    }

    interface Execution {

        /** How often the order and buy-back workers look for work when idle (LP facts are planned by the shared inbox). */
        @WithDefault("200ms")
        Duration pollInterval();

        /** Sends of one order before it is given up (HedgeFailed) after 5xx, 429 or timeouts. */
        @WithDefault("5")
        int maxAttempts();

        @WithDefault("1s")
        Duration initialBackoff();

        @WithDefault("60s")
        Duration maxBackoff();

        /** After placing: fetches of the order by id ... */
        @WithDefault("5")
        int lookupAttempts();

        /** ... this far apart ... */
        @WithDefault("2s")
        Duration lookupInterval();

        /** ... then a search for its id in this many of the market's latest trades. */
        @WithDefault("10")
        int tradesFallbackLimit();

        /** How often an order placed but not found (PENDING_LOOKUP) is looked up again. */
        @WithDefault("30s")
        Duration reconcileInterval();

        /** How long an order being sent is reserved for the instance sending it (then another may recover it). */
        @WithDefault("2m")
        Duration sendLease();

        /** Whether the worker runs (API-only tests turn it off). */
        @WithDefault("true")
        boolean enabled();
    }

    /** Delta-band re-hedging on LpValued. */
    interface Rebalance {

        @WithDefault("true")
        boolean enabled();

        /** Re-hedge when |wanted - held| exceeds this fraction of what is held (0.10 = 10 %). */
        @WithDefault("0.10")
        BigDecimal band();

        /** At most this many re-hedging orders per hedge per UTC day. */
        @WithDefault("6")
        int dailyOrderCap();
    }

    interface Extended {

        @WithDefault("https://api.starknet.extended.exchange/api/v1")
        URI baseUrl();

        /** {@code X-Api-Key}; required when {@code tideline.perp.venue=extended}. */
        Optional<String> apiKey();

        @WithDefault("10s")
        Duration timeout();

        /** A market order is priced this far through the best bid/ask (0.0075 = 0.75 %). */
        @WithDefault("0.0075")
        BigDecimal slippage();

        /** The highest fee rate an order accepts. */
        @WithDefault("0.0005")
        BigDecimal maxFeeRate();

        @WithDefault("1h")
        Duration orderExpiry();

        /**
         * How orders are signed: {@code stark} (the default: Stark-curve ECDSA over Extended's SNIP-12 order hash,
         * with {@code stark-private-key}) or {@code stand-in} (an HMAC, for the WireMock stand-in and local runs only).
         */
        @WithDefault("stark")
        String signer();

        /** The account's private Stark key, 0x-hex (a secret: from the environment or a Secret, never logged). */
        Optional<String> starkPrivateKey();

        /** The Starknet chain Extended settles on: SN_MAIN, or SN_SEPOLIA for its testnet. */
        @WithDefault("SN_MAIN")
        io.tideline.stark.StarknetChain chain();

        /** The stand-in signer's HMAC key (not a secret of any real account). */
        @WithDefault("tideline-stand-in")
        String standInKey();

        /** The account's collateral position (vault) number, which every signature binds. */
        @WithDefault("1")
        long collateralPosition();
    }

    interface Paper {

        /** Fills are this much worse than the pool price (0.0005 = 5 bp). */
        @WithDefault("0.0005")
        BigDecimal slippage();

        /** Taker fee rate charged on the notional. */
        @WithDefault("0.00025")
        BigDecimal feeRate();
    }

    interface MarketData {

        /** Extended's mark prices, polled with the {@code extended.*} connection settings (base URL, API key). */
        ExtendedFeed extended();
    }

    interface ExtendedFeed {

        /** Off by default (and in the local profile); needs {@code extended.api-key}. */
        @WithDefault("false")
        boolean enabled();

        /**
         * The markets to publish: {@code markets[0].market=ETH-USD}, and optionally {@code markets[0].instrument}
         * (the PriceObserved instrument and key; default the market symbol, e.g. a settlement pair {@code ETH-USDC}).
         */
        List<FeedMarket> markets();

        /** How often the markets' stats are read. */
        @WithDefault("5s")
        Duration pollInterval();

        /** The pause after a failed poll doubles up to this. */
        @WithDefault("1m")
        Duration maxBackoff();
    }

    interface FeedMarket {

        /** Extended's market, e.g. {@code ETH-USD}. */
        String market();

        /** The instrument the price is published under; empty: the market symbol. */
        Optional<String> instrument();
    }

    interface Funding {

        /** Off by default; only with {@code venue=extended} (the paper venue pays no funding). */
        @WithDefault("false")
        boolean enabled();

        /** How often each market with open hedges is asked for payments since its checkpoint. */
        @WithDefault("10m")
        Duration pollInterval();

        /** The pause after a failed read doubles up to this. */
        @WithDefault("10m")
        Duration maxBackoff();
    }
}
