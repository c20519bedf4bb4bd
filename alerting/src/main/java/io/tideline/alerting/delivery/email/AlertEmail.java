package io.tideline.alerting.delivery.email;

import io.tideline.alerting.delivery.Notification;
import io.tideline.alerting.delivery.NotificationKind;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * An alert email's content, the model of its HTML and text templates. Pure.
 *
 * @param subject   {@code [HIGH] <title>} when raised, {@code [CRITICAL] Escalated (level 1): <title>},
 *                  {@code [HIGH] Resolved: <title>}
 * @param messageId derived from the idempotency key, so a resent email has the Message-ID of the first
 */
public record AlertEmail(String subject, String headline, Notification notification, String idempotencyKey,
                         String messageId) {

    static final int MAX_SUBJECT = 200;

    public static AlertEmail of(Notification n, String idempotencyKey) {
        String what = switch (n.kind()) {
            case RAISED -> "";
            case ESCALATED -> "Escalated (level " + n.level() + "): ";
            case RESOLVED -> "Resolved: ";
        };
        String subject = oneLine("[" + n.severity() + "] " + what + n.title());
        String headline = switch (n.kind()) {
            case RAISED -> "Alert raised";
            case ESCALATED -> "Alert escalated to " + n.severity() + " (level " + n.level() + ")";
            case RESOLVED -> "Alert resolved";
        };
        return new AlertEmail(subject.length() > MAX_SUBJECT ? subject.substring(0, MAX_SUBJECT - 1) + "…" : subject,
                headline, n, idempotencyKey, messageId(idempotencyKey));
    }

    /** Whether it reports a resolution (the templates word it so). */
    public boolean resolved() {
        return notification.kind() == NotificationKind.RESOLVED;
    }

    /** {@code <hex@alerting.tideline>}: the first 128 bits of the key's SHA-256, a valid Message-ID for any key. */
    static String messageId(String idempotencyKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(idempotencyKey.getBytes(StandardCharsets.UTF_8));
            return "<" + HexFormat.of().formatHex(digest, 0, 16) + "@alerting.tideline>";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String oneLine(String text) {
        return text.codePoints().map(c -> Character.isISOControl(c) ? ' ' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString().strip();
    }
}
