package io.tideline.alerting.rule;

/** Whom a rule is about: everything, or one wallet, LP position, pool, market-making session or P&amp;L user. */
public enum ScopeType {
    GLOBAL,
    WALLET,
    POSITION,
    POOL,
    SESSION,
    USER
}
