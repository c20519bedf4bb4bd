package io.tideline.alerting.rule;

import io.tideline.messaging.schema.SchemaMigration;
import io.tideline.messaging.tx.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The enabled rules, by kind, as evaluation reads them for every event: loaded from the database, reloaded after this
 * instance changes a rule and at most {@code REFRESH} after another instance did.
 */
@ApplicationScoped
public class RuleCatalog {

    private static final Duration REFRESH = Duration.ofSeconds(5);

    private final Transactions transactions;
    private final RuleStore store;
    private final SchemaMigration schema;
    private volatile Snapshot snapshot = new Snapshot(Map.of(), Map.of(), Map.of(), 0);

    public RuleCatalog(Transactions transactions, RuleStore store, SchemaMigration schema) {
        this.transactions = transactions;
        this.store = store;
        this.schema = schema;
    }

    private record Snapshot(Map<RuleKind, List<AlertRule>> byKind, Map<String, AlertRule> byId,
                            Map<String, List<AlertRule>> priceRulesByInstrument, long loadedAtNanos) {
    }

    /** The enabled rules of a kind. */
    public List<AlertRule> of(RuleKind kind) {
        return current().byKind().getOrDefault(kind, List.of());
    }

    /** The enabled PRICE_CROSSES rules on an instrument (a price event looks up only its own instrument's). */
    public List<AlertRule> onPrice(String instrument) {
        return current().priceRulesByInstrument().getOrDefault(instrument, List.of());
    }

    /** An enabled rule by id (for its channels and escalation when an alert changes). */
    public java.util.Optional<AlertRule> enabled(String ruleId) {
        return java.util.Optional.ofNullable(current().byId().get(ruleId));
    }

    /** Forgets the loaded rules: the next read loads them again (after a change here). */
    public void invalidate() {
        snapshot = new Snapshot(Map.of(), Map.of(), Map.of(), 0);
    }

    private Snapshot current() {
        Snapshot s = snapshot;
        if (s.loadedAtNanos() != 0 && System.nanoTime() - s.loadedAtNanos() < REFRESH.toNanos()) {
            return s;
        }
        if (!schema.isMigrated()) {
            return s;
        }
        List<AlertRule> enabled = store.all(transactions.reads()).stream().filter(AlertRule::enabled).toList();
        Map<RuleKind, List<AlertRule>> byKind = new EnumMap<>(RuleKind.class);
        byKind.putAll(enabled.stream().collect(Collectors.groupingBy(AlertRule::kind)));
        Map<String, AlertRule> byId = enabled.stream().collect(Collectors.toUnmodifiableMap(AlertRule::ruleId,
                r -> r));
        Map<String, List<AlertRule>> onPrice = byKind.getOrDefault(RuleKind.PRICE_CROSSES, List.of()).stream()
                .filter(r -> r.params().instrument() != null)
                .collect(Collectors.groupingBy(r -> r.params().instrument()));
        Snapshot loaded = new Snapshot(byKind, byId, onPrice, Math.max(1, System.nanoTime()));
        snapshot = loaded;
        return loaded;
    }
}
