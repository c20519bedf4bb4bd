package io.tideline.pnl.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.tideline.events.pnl.CostBasisMethod;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** pnl-ingest settings ({@code tideline.pnl.*}); every one can be overridden by an environment variable. */
@ConfigMapping(prefix = "tideline.pnl")
public interface PnlConfig {

    /**
     * The Alchemy webhooks accepted, each with its signing key: {@code tideline.pnl.webhooks[0].id=wh_...},
     * {@code .signing-key=...} (environment {@code TIDELINE_PNL_WEBHOOKS_0__SIGNING_KEY}). A delivery from a webhook
     * not listed is refused with 401.
     */
    List<Webhook> webhooks();

    /**
     * The desk's wallets: a transfer counts for the side(s) of it listed here, and the poller scans them. When none
     * are listed, every side that is not a known contract (collateral, Conditional Tokens, fee recipient, the zero
     * address) counts.
     */
    Optional<List<String>> wallets();

    Polymarket polymarket();

    Matching matching();

    Lots lots();

    Processing processing();

    Ingress ingress();

    Poller poller();

    interface Webhook {
        @NotBlank
        String id();

        @NotBlank
        String signingKey();
    }

    /** How on-chain Polymarket trades are recognised in a transaction's transfers. */
    interface Polymarket {

        /** The venue name executions carry. */
        @WithDefault("polymarket")
        String venue();

        /** The Conditional Tokens (ERC-1155) contract whose tokens are outcome shares (Polygon's by default). */
        @WithDefault("0x4d97dcd97ec945f40cf65f87097ace5ea0476045")
        String conditionalTokens();

        /** The collateral ERC-20 contracts (USDC.e and native USDC on Polygon by default). */
        @WithDefault("0x2791bca1f2de4661ed88a30c99a7a9449aa84174,0x3c499c542cef5e3811e1192ce70d8cc03d5c3359")
        List<String> collateralTokens();

        /** Decimals of the collateral, and of outcome shares (Polymarket's are the collateral's). */
        @WithDefault("6")
        @Min(0)
        int decimals();

        /**
         * Addresses whose collateral transfers inside a trade are its fee (the exchange's fee collector); a
         * transfer to or from any other address is the trade's price.
         */
        Optional<List<String>> feeRecipients();

        /**
         * The venue's exchange contracts — by default Polymarket's on Polygon: CTF Exchange and Neg Risk CTF Exchange,
         * their v2 successors (live since 2026-04-28) and the Neg Risk Adapter — the counterparty of every trade,
         * never one of the desk's wallets even when none are listed.
         */
        @WithDefault("0x4bfb41d5b3570defd03c39a9a4d8de6bd8b8982e,0xc5d563a36ae78145c45a50134d48a1215220f80a,"
                + "0xe111180000d2663c0091e4f400237545b87b996b,0xe2222d279d744050d28e00520010520000310f59,"
                + "0xd91e80cf2e7be2e162c6513ced06f1dd0da35296")
        List<String> exchanges();

        /** Outcome token ids known up front: {@code outcome-tokens[0].token-id/market/outcome}. */
        List<OutcomeToken> outcomeTokens();
    }

    interface OutcomeToken {
        BigInteger tokenId();

        @NotBlank
        String market();

        @NotBlank
        String outcome();
    }

    interface Matching {

        /** An execution matches alerts created at most this long before it (inclusive). */
        @WithDefault("2h")
        Duration window();

        /** Expired alerts that no execution followed are deleted after this long. */
        @WithDefault("30d")
        Duration expiredRetention();

        /** How often open alerts are checked for expiry. */
        @WithDefault("1m")
        Duration expiryInterval();
    }

    interface Lots {
        /** Which lots a sale closes unless the user has a method of their own. */
        @WithDefault("FIFO")
        CostBasisMethod defaultMethod();
    }

    interface Processing {

        /** Whether this instance processes the inbox (off only in tests that stop between ack and processing). */
        @WithDefault("true")
        boolean enabled();

        /** Deliveries processed per transaction. */
        @WithDefault("100")
        @Min(1)
        int batchSize();

        /**
         * A batch's transaction stops taking deliveries after this long and commits: its first deliveries' events
         * wait for the commit, so this bounds what batching adds to their latency.
         */
        @WithDefault("20ms")
        Duration maxBatchTime();

        /** Pause when the inbox is empty (a new delivery wakes the processor at once). */
        @WithDefault("500ms")
        Duration pollInterval();

        /**
         * Workers processing the inbox side by side in this instance: each takes other wallets' deliveries (a wallet's
         * own stay in order, across workers and instances). Two on the two cores measured (ADR 0029); more only help
         * with cores to spare.
         */
        @WithDefault("2")
        @Min(1)
        int workers();
    }

    /**
     * Load shedding at the webhook door: a delivery beyond these bounds is answered 503 with {@code Retry-After} at
     * once, without touching the database (Alchemy sends it again later), instead of waiting in the connection pool's
     * queue until the sender gives up.
     */
    interface Ingress {

        /** Deliveries being accepted at once (each waits for its insert); one more is shed. */
        @WithDefault("64")
        @Min(1)
        int maxInFlight();

        /** Shed while the inbox holds more messages than this (one per delivery and desk wallet) not processed yet. */
        @WithDefault("5000")
        @Min(0)
        long shedAbovePending();

        /** The inbox's pending count is read again at most this often (by the delivery that finds it stale). */
        @WithDefault("1s")
        Duration backlogMaxAge();

        /** {@code Retry-After} of a shed delivery. */
        @WithDefault("5s")
        Duration retryAfter();
    }

    /** The fallback poller: plain JSON-RPC {@code eth_getLogs} for the transfers the webhooks may have missed. */
    interface Poller {

        @WithDefault("true")
        boolean enabled();

        /** The chain's JSON-RPC endpoint; without it the poller is off. */
        Optional<String> rpcUrl();

        /** The network name activities found by the poller carry (Alchemy's naming). */
        @WithDefault("MATIC_MAINNET")
        String network();

        @WithDefault("5m")
        Duration interval();

        /** How far back each scan looks, by block timestamp. */
        @WithDefault("2h")
        Duration lookback();

        /**
         * Blocks left below the chain head: a scan reads to {@code head - confirmations}, so it does not store what
         * a reorg may still take away (a later scan reads those blocks once they are deep enough).
         */
        @WithDefault("64")
        @Min(0)
        int confirmations();

        /** Blocks per eth_getLogs request (nodes cap the range). */
        @WithDefault("2000")
        @Min(1)
        int maxBlockRange();
    }
}
