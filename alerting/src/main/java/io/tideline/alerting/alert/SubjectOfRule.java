package io.tideline.alerting.alert;

import java.util.Comparator;

/** What one alert at a time is about: a rule and a subject (the key of its lock and of its one unresolved alert). */
public record SubjectOfRule(String ruleId, String subjectKey) implements Comparable<SubjectOfRule> {

    private static final Comparator<SubjectOfRule> ORDER = Comparator.comparing(SubjectOfRule::ruleId)
            .thenComparing(SubjectOfRule::subjectKey);

    static SubjectOfRule of(Signal s) {
        return new SubjectOfRule(s.rule().ruleId(), s.subject().key());
    }

    static SubjectOfRule of(Alert a) {
        return new SubjectOfRule(a.ruleId(), a.subjectKey());
    }

    @Override
    public int compareTo(SubjectOfRule other) {
        return ORDER.compare(this, other);
    }
}
