package io.tideline.e2e.scenario;

/**
 * What a Polymarket trade looks like to the local platform's pnl-ingest: Polygon's Conditional Tokens and USDC.e (its
 * defaults), the CTF exchange as the counterparty, and the local profile's webhook and signing key (pnl-ingest's
 * README; not a secret). Shared by the scenario and the load run.
 */
public final class LocalPolymarket {

    public static final String CONDITIONAL_TOKENS = "0x4d97dcd97ec945f40cf65f87097ace5ea0476045";
    public static final String USDC = "0x2791bca1f2de4661ed88a30c99a7a9449aa84174";
    public static final String EXCHANGE = "0x4bfb41d5b3570defd03c39a9a4d8de6bd8b8982e";
    public static final String WEBHOOK_ID = "wh_local";
    public static final String SIGNING_KEY = "local-signing-key-not-secret";

    private LocalPolymarket() {
    }
}
