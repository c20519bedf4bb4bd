package io.tideline.alerting.rule;

import io.tideline.events.Topics;
import io.tideline.service.input.Identifiers;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Checks a {@link RuleDraft} field by field and turns it into an {@link AlertRule}, or names the first field that is
 * wrong ({@link InvalidRuleException}). Pure: the channels a rule may use are given.
 */
public final class RuleValidation {

    static final long DEFAULT_COOLDOWN = 300;
    static final long MAX_SECONDS = 90L * 24 * 3600;
    static final BigDecimal MAX_PERCENT = new BigDecimal("1000");
    static final int MAX_ESCALATIONS = 10;
    static final int MAX_NAME = 200;

    private final Set<String> channelNames;

    public RuleValidation(Set<String> channelNames) {
        this.channelNames = Set.copyOf(channelNames);
    }

    /** A new rule from a draft; {@code ruleId} is the draft's or a generated one. */
    public AlertRule create(RuleDraft d, Instant now) {
        String id = d == null || d.ruleId() == null ? "rule-" + UUID.randomUUID() : id("ruleId", d.ruleId());
        return build(id, d, now, now, 1, 0);
    }

    /** The stored rule replaced by a draft (its id, creation time and suppressed count kept). */
    public AlertRule replace(AlertRule existing, RuleDraft d, Instant now) {
        if (d != null && d.ruleId() != null && !d.ruleId().equals(existing.ruleId())) {
            throw new InvalidRuleException("ruleId", "cannot change (the path names " + existing.ruleId() + ")");
        }
        return build(existing.ruleId(), d, existing.createdAt(), now, existing.version() + 1, existing.suppressed());
    }

    private AlertRule build(String id, RuleDraft d, Instant created, Instant now, long version, long suppressed) {
        if (d == null) {
            throw new InvalidRuleException("body", "is required");
        }
        String name = name(d.name());
        RuleKind kind = required("kind", d.kind());
        RuleScope scope = scope(d.scope());
        RuleParams params = params(kind, d.params() == null ? RuleParams.none() : d.params());
        List<String> channels = channels("channels", d.channels() == null ? List.of("push") : d.channels());
        if (channels.isEmpty()) {
            throw new InvalidRuleException("channels", "needs at least one channel (push shows it on the screen)");
        }
        long cooldown = seconds("cooldownSeconds", d.cooldownSeconds() == null ? DEFAULT_COOLDOWN
                : d.cooldownSeconds(), 0);
        EscalationPolicy escalation = escalation(d.escalation());
        return new AlertRule(id, name, kind, scope, params, required("severity", d.severity()), channels, cooldown,
                escalation, d.enabled() == null || d.enabled(), suppressed, created, now, version);
    }

    private static String name(String name) {
        if (name == null || name.isBlank()) {
            throw new InvalidRuleException("name", "is required");
        }
        String trimmed = name.strip();
        if (trimmed.length() > MAX_NAME) {
            throw new InvalidRuleException("name", "must be at most " + MAX_NAME + " characters");
        }
        if (trimmed.codePoints().anyMatch(c -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT)) {
            throw new InvalidRuleException("name", "must not contain control or formatting characters");
        }
        return trimmed;
    }

    private static RuleScope scope(RuleScope scope) {
        if (scope == null) {
            return RuleScope.GLOBAL;
        }
        ScopeType type = required("scope.type", scope.type());
        if (type == ScopeType.GLOBAL) {
            if (scope.value() != null) {
                throw new InvalidRuleException("scope.value", "must be absent for a GLOBAL scope");
            }
            return RuleScope.GLOBAL;
        }
        return new RuleScope(type, id("scope.value", scope.value()));
    }

    private static RuleParams params(RuleKind kind, RuleParams p) {
        Set<String> present = p.present();
        for (String field : present) {
            if (!kind.required().contains(field) && !kind.optional().contains(field)) {
                throw new InvalidRuleException("params." + field, "is not used by a " + kind + " rule (it takes "
                        + describe(kind) + ")");
            }
        }
        for (String field : kind.required()) {
            if (!present.contains(field)) {
                throw new InvalidRuleException("params." + field, "is required for a " + kind + " rule");
            }
        }
        if (kind == RuleKind.IMPERMANENT_LOSS && (p.amount() == null) == (p.percent() == null)) {
            throw new InvalidRuleException("params.amount", "give exactly one of amount (token1) or percent (of cost)");
        }
        if (p.instrument() != null) {
            id("params.instrument", p.instrument());
        }
        if (p.level() != null) {
            positive("params.level", p.level());
        }
        if (p.amount() != null) {
            positive("params.amount", p.amount());
        }
        if (p.percent() != null) {
            positive("params.percent", p.percent());
            if (p.percent().compareTo(MAX_PERCENT) > 0) {
                throw new InvalidRuleException("params.percent", "must be at most " + MAX_PERCENT);
            }
        }
        if (p.forSeconds() != null) {
            seconds("params.forSeconds", p.forSeconds(), 1);
        }
        if (p.windowSeconds() != null) {
            seconds("params.windowSeconds", p.windowSeconds(), 60);
        }
        if (p.topic() != null) {
            id("params.topic", p.topic());
            if (Topics.byName(p.topic()).filter(Topics.TopicSpec::isDeadLetter).isEmpty()) {
                throw new InvalidRuleException("params.topic", "is not a dead-letter topic of the catalogue");
            }
        }
        if (p.service() != null) {
            id("params.service", p.service());
        }
        return p;
    }

    private static String describe(RuleKind kind) {
        Set<String> all = new java.util.TreeSet<>(kind.required());
        all.addAll(kind.optional());
        return all.isEmpty() ? "no params" : String.join(", ", all);
    }

    private List<String> channels(String field, List<String> channels) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < channels.size(); i++) {
            String c = channels.get(i);
            if (c == null || !channelNames.contains(c)) {
                throw new InvalidRuleException(field + "[" + i + "]", "is not a configured channel (known: "
                        + String.join(", ", new java.util.TreeSet<>(channelNames)) + ")");
            }
            if (!seen.add(c)) {
                throw new InvalidRuleException(field + "[" + i + "]", "is listed twice");
            }
        }
        return List.copyOf(channels);
    }

    private EscalationPolicy escalation(EscalationPolicy e) {
        if (e == null) {
            return null;
        }
        long after = seconds("escalation.afterSeconds", e.afterSeconds(), 1);
        if (e.maxTimes() < 1 || e.maxTimes() > MAX_ESCALATIONS) {
            throw new InvalidRuleException("escalation.maxTimes", "must be 1 to " + MAX_ESCALATIONS);
        }
        return new EscalationPolicy(after, e.maxTimes(), channels("escalation.channels", e.channels()));
    }

    private static long seconds(String field, long value, long min) {
        if (value < min || value > MAX_SECONDS) {
            throw new InvalidRuleException(field, "must be " + min + " to " + MAX_SECONDS + " seconds");
        }
        return value;
    }

    private static void positive(String field, BigDecimal value) {
        if (value.signum() <= 0) {
            throw new InvalidRuleException(field, "must be positive");
        }
    }

    private static String id(String field, String value) {
        if (!Identifiers.valid(value)) {
            throw new InvalidRuleException(field, Identifiers.RULE);
        }
        return value;
    }

    private static <T> T required(String field, T value) {
        if (value == null) {
            throw new InvalidRuleException(field, "is required");
        }
        return value;
    }
}
