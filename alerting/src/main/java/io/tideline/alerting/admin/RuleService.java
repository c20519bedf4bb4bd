package io.tideline.alerting.admin;

import io.tideline.alerting.rule.AlertRule;
import io.tideline.alerting.rule.RuleCatalog;
import io.tideline.alerting.rule.RuleDraft;
import io.tideline.alerting.rule.RuleStore;
import io.tideline.alerting.rule.RuleValidation;
import io.tideline.alerting.rule.VersionConflictException;

import io.tideline.alerting.alert.AlertService;
import io.tideline.alerting.delivery.Deliveries;
import io.tideline.messaging.tx.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Creates, replaces and deletes rules. A changed or deleted rule's unresolved alerts are resolved in the same unit of
 * work ("rule changed"): they were raised under thresholds that no longer hold, and a condition that still holds
 * raises a fresh alert under the new ones.
 */
@ApplicationScoped
public class RuleService {

    private final Transactions transactions;
    private final RuleStore store;
    private final RuleCatalog catalog;
    private final AlertService alerts;
    private final Deliveries deliveries;
    private final Clock clock;

    public RuleService(Transactions transactions, RuleStore store, RuleCatalog catalog, AlertService alerts,
            Deliveries deliveries, Clock clock) {
        this.transactions = transactions;
        this.store = store;
        this.catalog = catalog;
        this.alerts = alerts;
        this.deliveries = deliveries;
        this.clock = clock;
    }

    /** The outcome of a create: the rule, or the one that already has its id. */
    public record Created(AlertRule rule, boolean existed) {
    }

    public Created create(RuleDraft draft) {
        AlertRule rule = validation().create(draft, now());
        return transactions.run(uow -> {
            Optional<AlertRule> existing = store.find(uow, rule.ruleId());
            if (existing.isPresent()) {
                return new Created(existing.get(), true);
            }
            store.insert(uow, rule);
            uow.afterCommit(catalog::invalidate);
            return new Created(rule, false);
        });
    }

    /**
     * Replaces a rule; empty if there is none with the id.
     *
     * @param expectedVersion optional: refuse ({@link VersionConflictException}) if the stored rule has another
     */
    public Optional<AlertRule> replace(String ruleId, RuleDraft draft, Long expectedVersion) {
        return transactions.run(uow -> {
            Optional<AlertRule> existing = store.find(uow, ruleId);
            if (existing.isEmpty()) {
                return Optional.empty();
            }
            if (expectedVersion != null && expectedVersion != existing.get().version()) {
                throw new VersionConflictException(ruleId, existing.get().version());
            }
            AlertRule replaced = validation().replace(existing.get(), draft, now());
            if (!store.replace(uow, replaced, existing.get().version())) {
                throw new VersionConflictException(ruleId, existing.get().version());
            }
            alerts.resolveAllOf(uow, ruleId, "rule changed (version " + replaced.version() + ")");
            uow.afterCommit(catalog::invalidate);
            return Optional.of(replaced);
        });
    }

    public boolean delete(String ruleId) {
        return transactions.run(uow -> {
            alerts.resolveAllOf(uow, ruleId, "rule deleted");
            boolean deleted = store.delete(uow, ruleId);
            uow.afterCommit(catalog::invalidate);
            return deleted;
        });
    }

    private RuleValidation validation() {
        return new RuleValidation(deliveries.channelNames());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
