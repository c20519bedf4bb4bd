package io.tideline.alerting.alert;

import io.tideline.messaging.metrics.CountedRows;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** {@code tideline_alerts_open{severity}}: alerts not yet resolved, by severity, refreshed by shared-messaging's RowCountGauges. */
@Dependent
public class AlertGauges {

    @Produces
    @Singleton
    CountedRows openAlertsBySeverity() {
        return new CountedRows("tideline.alerts.open", "severity", "select severity, count(*) from alert where state <> 'RESOLVED' group by severity");
    }
}
