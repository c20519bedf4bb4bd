package io.tideline.pnl.config;

import io.tideline.pnl.activity.Activity;
import io.tideline.pnl.activity.Delivery;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Which sides of a transfer are the desk's wallets: those listed in {@code tideline.pnl.wallets}, or, when none are
 * listed, every side that is not a known contract (collateral, Conditional Tokens, the exchanges, a fee recipient, the zero
 * address).
 */
@ApplicationScoped
public class DeskWallets {

    private static final String ZERO_ADDRESS = "0x0000000000000000000000000000000000000000";

    private final Set<String> listed;
    private final Set<String> contracts = new HashSet<>();

    public DeskWallets(PnlConfig config) {
        PnlConfig.Polymarket pm = config.polymarket();
        this.listed = Set.copyOf(lower(config.wallets().orElse(List.of())));
        contracts.add(ZERO_ADDRESS);
        contracts.add(pm.conditionalTokens().toLowerCase(Locale.ROOT));
        contracts.addAll(lower(pm.collateralTokens()));
        contracts.addAll(lower(pm.feeRecipients().orElse(List.of())));
        contracts.addAll(lower(pm.exchanges()));
    }

    /** Whether a transfer's side counts as one of the desk's wallets. */
    public boolean isWallet(String address) {
        return listed.isEmpty() ? !contracts.contains(address) : listed.contains(address);
    }

    /** The desk's wallets on a transfer: its sender, its recipient, both or neither. */
    public List<String> of(Activity a) {
        List<String> wallets = new ArrayList<>(2);
        if (isWallet(a.from())) {
            wallets.add(a.from());
        }
        if (!a.to().equals(a.from()) && isWallet(a.to())) {
            wallets.add(a.to());
        }
        return wallets;
    }

    /** The desk's wallets a delivery touches, in the order of their addresses. */
    public SortedSet<String> touchedBy(Delivery delivery) {
        SortedSet<String> touched = new TreeSet<>();
        delivery.activities().forEach(a -> touched.addAll(of(a)));
        return touched;
    }

    /** The wallets listed in the configuration (empty when every non-contract side counts). */
    public Set<String> listed() {
        return listed;
    }

    private static Set<String> lower(List<String> addresses) {
        Set<String> set = new HashSet<>();
        addresses.forEach(a -> set.add(a.trim().toLowerCase(Locale.ROOT)));
        return set;
    }
}
