package io.tideline.alerting.rule;

/**
 * What an event or a condition is about: the alert's subject key, and the attributes a rule's scope is matched
 * against (each may be absent when it does not apply).
 *
 * @param key      the alert subject: a position key, an instrument, a user, a session-pair-fill, a topic, a service
 * @param wallet   the LP position's owner, or the trading wallet (lower-case)
 * @param position the LP position key
 * @param pool     {@code chainId:pool}
 * @param session  a market-making session id
 * @param user     a P&amp;L user (wallet)
 */
public record Subject(String key, String wallet, String position, String pool, String session, String user) {

    public static Subject of(String key) {
        return new Subject(key, null, null, null, null, null);
    }
}
