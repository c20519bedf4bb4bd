package io.tideline.events.alert;

/**
 * How urgent an alert is, least first; escalation moves it up. LOW is for the record, MEDIUM needs a look today, HIGH
 * needs someone now, CRITICAL means money is at risk while nobody acts (a stop-loss, a failed hedge).
 */
public enum AlertSeverity {
    LOW,
    MEDIUM,
    HIGH,
    CRITICAL;

    /** The next severity up; CRITICAL stays CRITICAL. */
    public AlertSeverity escalated() {
        return this == CRITICAL ? CRITICAL : values()[ordinal() + 1];
    }
}
