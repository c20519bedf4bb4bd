package io.tideline.alerting.rule;

import java.util.Locale;

/** A rule's scope: its type and, unless GLOBAL, the one wallet, position, pool, session or user it covers. */
public record RuleScope(ScopeType type, String value) {

    public static final RuleScope GLOBAL = new RuleScope(ScopeType.GLOBAL, null);

    /** Whether a subject falls in this scope; wallets, users and pools compare without case (addresses). */
    public boolean matches(Subject s) {
        return switch (type) {
            case GLOBAL -> true;
            case WALLET -> same(value, s.wallet()) || same(value, s.user());
            case USER -> same(value, s.user());
            case POSITION -> same(value, s.position());
            case POOL -> same(value, s.pool());
            case SESSION -> value.equals(s.session());
        };
    }

    private static boolean same(String scope, String attribute) {
        return attribute != null && scope.toLowerCase(Locale.ROOT).equals(attribute.toLowerCase(Locale.ROOT));
    }
}
