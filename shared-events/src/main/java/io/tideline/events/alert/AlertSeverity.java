package io.tideline.events.alert;

/** How urgent an alert is; escalation moves it up. */
public enum AlertSeverity {
    INFO,
    WARNING,
    CRITICAL
}
