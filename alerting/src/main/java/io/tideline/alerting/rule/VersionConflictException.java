package io.tideline.alerting.rule;

/** A rule changed since the caller read it. */
public class VersionConflictException extends RuntimeException {

    public VersionConflictException(String ruleId, long current) {
        super("rule " + ruleId + " has changed: its version is now " + current);
    }
}
