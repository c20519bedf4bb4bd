package io.tideline.alerting.alert;

/** Where an alert is in its life: OPEN until someone acknowledges it; RESOLVED by a person or when its condition clears. */
public enum AlertState {
    OPEN,
    ACKNOWLEDGED,
    RESOLVED
}
