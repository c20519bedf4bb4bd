package io.tideline.settlement.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.tideline.stark.StarknetChain;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** settlement settings ({@code tideline.settlement.*}); every one can be overridden by an environment variable. */
@ConfigMapping(prefix = "tideline.settlement")
public interface SettlementConfig {

    /**
     * The venue take-profits are placed on: {@code paper} (in this service's database) or {@code extended} (the X10
     * exchange, {@link #extended()}).
     */
    @WithDefault("paper")
    @Pattern(regexp = "paper|extended", message = "must be paper or extended")
    String venue();

    @Valid
    Run run();

    @Valid
    Tiers tiers();

    /** Tick size and fee rate of a pair not listed in {@link #pairs()}. */
    @Valid
    PairDefaults pairDefaults();

    /**
     * Per-pair tick sizes and fee rates: {@code tideline.settlement.pairs[0].pair=ETH-USDC},
     * {@code .tick-size=0.01}, {@code .fee-rate=0.001} (environment {@code TIDELINE_SETTLEMENT_PAIRS_0__PAIR}, ...).
     */
    List<@Valid PairSettings> pairs();

    @Valid
    StopLoss stopLoss();

    @Valid
    Paper paper();

    @Valid
    Extended extended();

    @Valid
    Redis redis();

    interface Run {

        /** Whether this instance runs settlement on its own every {@link #interval()} (the API can always run it). */
        @WithDefault("true")
        boolean scheduled();

        /** Time between scheduled runs (from the end of one to the start of the next). */
        @WithDefault("3m")
        Duration interval();

        /** Sessions whose last activity (start, a fill, end) is older than this are not settled. */
        @WithDefault("24h")
        Duration lookback();

        /** Pairs settled at the same time (threads); each holds two database connections while it works. */
        @WithDefault("4")
        @Min(1)
        @Max(32)
        int parallelism();

        /**
         * Orders handed to the venue adapter per call, and recorded per transaction (an adapter splits them further
         * to its API's own batch limit).
         */
        @WithDefault("200")
        @Min(1)
        @Max(1000)
        int venueBatchSize();

        /** How often resting take-profits are checked for fills between runs (0 = only in runs). */
        @WithDefault("10s")
        Duration fillWatchInterval();
    }

    /** Take-profit markup over the entry price by how long the position has been held. */
    interface Tiers {

        /** Tier 0: held less than 1 hour. */
        @WithDefault("50")
        @Min(0)
        @Max(100_000)
        int under1hBps();

        /** Tier 1: 1 to 4 hours. */
        @WithDefault("30")
        @Min(0)
        @Max(100_000)
        int under4hBps();

        /** Tier 2: 4 to 12 hours. */
        @WithDefault("15")
        @Min(0)
        @Max(100_000)
        int under12hBps();

        /** Tier 3: 12 hours and more. */
        @WithDefault("5")
        @Min(0)
        @Max(100_000)
        int over12hBps();
    }

    interface PairDefaults {

        @WithDefault("0.01")
        @DecimalMin(value = "0", inclusive = false)
        BigDecimal tickSize();

        /** Fee rate of one leg (0.001 = 10 bp); a take-profit never sits below entry x (1 + 2 x fee rate). */
        @WithDefault("0.001")
        @DecimalMin("0")
        @DecimalMax("0.1")
        BigDecimal feeRate();
    }

    interface PairSettings {

        /** BASE-QUOTE, e.g. {@code ETH-USDC}. */
        @NotBlank
        @Pattern(regexp = "[A-Z0-9]{1,20}-[A-Z0-9]{1,20}", message = "must look like BASE-QUOTE, e.g. ETH-USDC")
        String pair();

        Optional<@DecimalMin(value = "0", inclusive = false) BigDecimal> tickSize();

        Optional<@DecimalMin("0") @DecimalMax("0.1") BigDecimal> feeRate();
    }

    interface StopLoss {

        @WithDefault("true")
        boolean enabled();

        /**
         * A session's unrealized loss (quote asset) on its open positions at the last price beyond which it raises an
         * alert and places no new take-profits until acknowledged.
         */
        @WithDefault("1000")
        @DecimalMin(value = "0", inclusive = false)
        BigDecimal maxLoss();
    }

    interface Paper {

        /** Whether the paper venue offers an atomic replace (else settlement cancels, then places). */
        @WithDefault("true")
        boolean supportsReplace();

        /** Simulated answer time of each order batch, after the venue took it (for crash tests and benchmarks). */
        @WithDefault("0ms")
        Duration latency();
    }

    /** The Extended (X10) exchange as the maker venue ({@code tideline.settlement.venue=extended}). */
    interface Extended {

        @WithDefault("https://api.starknet.extended.exchange/api/v1")
        URI baseUrl();

        /** {@code X-Api-Key}; required with the extended venue (a secret: from the environment, never logged). */
        Optional<String> apiKey();

        @WithDefault("10s")
        Duration timeout();

        /** The highest fee rate an order accepts. */
        @WithDefault("0.0005")
        @DecimalMin("0")
        @DecimalMax("0.1")
        BigDecimal maxFeeRate();

        /** How long a take-profit rests before Extended expires it (at most 90 days); a re-price renews it. */
        @WithDefault("30d")
        Duration orderExpiry();

        /**
         * How orders are signed: {@code stark} (Stark-curve ECDSA over Extended's SNIP-12 order hash, with
         * {@code stark-private-key}) or {@code stand-in} (an HMAC, for the WireMock stand-in and local runs only).
         */
        @WithDefault("stark")
        @Pattern(regexp = "stark|stand-in", message = "must be stark or stand-in")
        String signer();

        /** The account's private Stark key, 0x-hex (a secret: from the environment or a Secret, never logged). */
        Optional<String> starkPrivateKey();

        /** The Starknet chain Extended settles on: SN_MAIN, or SN_SEPOLIA for its testnet. */
        @WithDefault("SN_MAIN")
        StarknetChain chain();

        /** The stand-in signer's HMAC key (not a secret of any real account). */
        @WithDefault("tideline-stand-in")
        String standInKey();

        /** The account's collateral position (vault) number, which every signature binds. */
        @WithDefault("1")
        long collateralPosition();

        /**
         * The Extended market of each pair settled there: {@code tideline.settlement.extended.markets[0].pair=ETH-USDC},
         * {@code .market=ETH-USD}. A pair not listed has no market: its take-profits are refused, naming the pair.
         */
        List<@Valid ExtendedMarket> markets();

        /**
         * Extended answers an order before it has matched it: a placed take-profit is looked up this many times (by
         * its client order id) to see whether it rests or was refused as crossing (POST_ONLY_FAILED); 0 = not looked
         * up (a refusal is then found by the next reconciliation).
         */
        @WithDefault("3")
        @Min(0)
        @Max(20)
        int confirmAttempts();

        @WithDefault("200ms")
        Duration confirmInterval();

        /** The account's latest trades read per market to find the fills of take-profits looked up. */
        @WithDefault("500")
        @Min(1)
        @Max(1000)
        int tradesLimit();
    }

    interface ExtendedMarket {

        @NotBlank
        @Pattern(regexp = "[A-Z0-9]{1,20}-[A-Z0-9]{1,20}", message = "must look like BASE-QUOTE, e.g. ETH-USDC")
        String pair();

        /** Extended's market name, e.g. {@code ETH-USD}. */
        @NotBlank
        String market();
    }

    /** The previous system's Redis, read by the importer. */
    interface Redis {

        @WithDefault("redis://localhost:6379")
        String url();

        /** Prefix of every key of the layout (see README), e.g. {@code legacy:}; empty by default. */
        Optional<String> keyPrefix();

        /** Fills inserted per statement batch. */
        @WithDefault("500")
        @Min(1)
        @Max(10_000)
        int batchSize();

        /** How long the "imported" marker of a session lives in Redis. */
        @WithDefault("90d")
        Duration markerTtl();
    }
}
