package io.tideline.analytics.readmodel;

import io.tideline.analytics.portfolio.TokenPair;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** Which token symbols count as one dollar, and so which side of a pool the desk's figures are in. */
public record DollarTokens(Set<String> symbols) {

    public static DollarTokens of(java.util.Collection<String> symbols) {
        return new DollarTokens(symbols.stream().map(s -> s.trim().toUpperCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet()));
    }

    /** token1 when it is a dollar (the usual quote), else token0 when that is, else neither. */
    public TokenPair.Dollar sideOf(String symbol0, String symbol1) {
        if (symbols.contains(symbol1.toUpperCase(Locale.ROOT))) {
            return TokenPair.Dollar.TOKEN1;
        }
        if (symbols.contains(symbol0.toUpperCase(Locale.ROOT))) {
            return TokenPair.Dollar.TOKEN0;
        }
        return TokenPair.Dollar.NEITHER;
    }
}
