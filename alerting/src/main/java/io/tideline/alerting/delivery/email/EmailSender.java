package io.tideline.alerting.delivery.email;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.tideline.alerting.delivery.Channel;
import io.tideline.alerting.delivery.ChannelSender;
import io.tideline.alerting.delivery.ChannelType;
import io.tideline.alerting.delivery.EmailChannel;
import io.tideline.alerting.delivery.Notification;
import io.tideline.alerting.delivery.SendResult;
import io.vertx.ext.mail.SMTPException;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Alert emails through Quarkus Mailer (SMTP, {@code quarkus.mailer.*}): an HTML and a text body from the Qute
 * templates, the {@code Idempotency-Key} header and a Message-ID derived from it. A permanent SMTP refusal (5xx) is
 * final; a transient one (4xx), a timeout or a connection error is retried.
 */
@ApplicationScoped
public class EmailSender implements ChannelSender {

    public static final String IDEMPOTENCY_HEADER = "Idempotency-Key";

    private final ReactiveMailer mailer;

    public EmailSender(ReactiveMailer mailer) {
        this.mailer = mailer;
    }

    @Override
    public ChannelType type() {
        return ChannelType.EMAIL;
    }

    @Override
    public SendResult send(Channel channel, Notification notification, String idempotencyKey) {
        EmailChannel email = (EmailChannel) channel;
        AlertEmail content = AlertEmail.of(notification, idempotencyKey);
        Mail mail = new Mail().setSubject(content.subject()).setTo(email.to())
                .setHtml(EmailTemplates.html(content).render()).setText(EmailTemplates.text(content).render())
                .addHeader(IDEMPOTENCY_HEADER, idempotencyKey).addHeader("Message-ID", content.messageId());
        if (email.from() != null) {
            mail.setFrom(email.from());
        }
        try {
            mailer.send(mail).await().atMost(email.timeout());
            return new SendResult.Delivered(250);
        } catch (io.smallrye.mutiny.TimeoutException e) {
            return new SendResult.Retryable(null, "timed out after " + email.timeout().toMillis() + " ms");
        } catch (RuntimeException e) {
            return failed(e);
        }
    }

    private static SendResult failed(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SMTPException smtp) {
                String error = "SMTP " + smtp.getReplyCode() + ": " + smtp.getReplyMessage();
                return smtp.isPermanent() ? new SendResult.Rejected(smtp.getReplyCode(), error)
                        : new SendResult.Retryable(smtp.getReplyCode(), error);
            }
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return new SendResult.Retryable(null, "SMTP failed: " + (root.getMessage() == null
                ? root.getClass().getSimpleName() : root.getMessage()));
    }
}
