package io.tideline.alerting.delivery.email;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The alert email's two bodies: {@code templates/alert-email/html.html} and {@code text.txt} (checked at build). */
@CheckedTemplate(basePath = "alert-email")
final class EmailTemplates {

    private EmailTemplates() {
    }

    static native TemplateInstance html(AlertEmail email);

    static native TemplateInstance text(AlertEmail email);
}
