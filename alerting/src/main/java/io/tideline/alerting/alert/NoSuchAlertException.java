package io.tideline.alerting.alert;

/** No alert has this id. */
public class NoSuchAlertException extends RuntimeException {

    public NoSuchAlertException(String alertId) {
        super("alert " + alertId);
    }
}
