package io.tideline.alerting.evaluate;

import io.tideline.alerting.rule.AlertRule;
import io.tideline.alerting.rule.RuleCatalog;
import io.tideline.alerting.rule.RuleKind;
import io.tideline.alerting.rule.Subject;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The enabled rules of a kind whose scope covers a subject. */
@ApplicationScoped
public class MatchingRules {

    private final RuleCatalog catalog;

    public MatchingRules(RuleCatalog catalog) {
        this.catalog = catalog;
    }

    public List<AlertRule> of(RuleKind kind, Subject subject) {
        List<AlertRule> rules = catalog.of(kind);
        if (rules.isEmpty()) {
            return rules;
        }
        return rules.stream().filter(r -> r.scope().matches(subject)).toList();
    }

    /** The enabled PRICE_CROSSES rules on an instrument, whatever their scope. */
    public List<AlertRule> onPrice(String instrument) {
        return catalog.onPrice(instrument);
    }

    /** The enabled PRICE_CROSSES rules on the subject's instrument whose scope covers it. */
    public List<AlertRule> onPrice(String instrument, Subject subject) {
        List<AlertRule> rules = catalog.onPrice(instrument);
        if (rules.isEmpty()) {
            return rules;
        }
        return rules.stream().filter(r -> r.scope().matches(subject)).toList();
    }

    /** Whether any rule of these kinds is enabled (evaluation skips the work for kinds nobody watches). */
    public boolean any(RuleKind... kinds) {
        for (RuleKind kind : kinds) {
            if (!catalog.of(kind).isEmpty()) {
                return true;
            }
        }
        return false;
    }
}
