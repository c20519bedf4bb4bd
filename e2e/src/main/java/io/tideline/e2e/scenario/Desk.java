package io.tideline.e2e.scenario;

import io.tideline.testing.uniswap.UniswapDriver;

import java.time.Duration;

/**
 * What a scenario works with: the gateway (the only way it reads or changes the platform), the local receivers of
 * alert deliveries, the live stream, the local chain (through the Uniswap contracts) and how long to wait for each
 * asynchronous outcome. {@code run} makes this run's names (rules, sessions, markets, wallets) its own; the ledger
 * keeps what the chaos run's accounting needs from it.
 */
public record Desk(Gateway gateway, Receivers receivers, LiveStream stream, UniswapDriver chain, String run,
                   Duration patience, Ledger ledger) {
}
