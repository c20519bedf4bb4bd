package io.tideline.alerting.delivery;

/** Which change of an alert a notification reports. */
public enum NotificationKind {
    RAISED,
    ESCALATED,
    RESOLVED
}
