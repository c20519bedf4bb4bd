package io.tideline.alerting.delivery;

/**
 * Text from outside (a receiver's answer, an exception's message, an alert's detail) made fit to store: PostgreSQL
 * refuses a NUL in text and in jsonb, so control characters other than line breaks and tabs become U+FFFD, and it is
 * cut to a bound.
 */
final class StorableText {

    private StorableText() {
    }

    static String of(String text, int max) {
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), max));
        text.codePoints().limit(max).forEach(c -> {
            boolean control = Character.isISOControl(c) && c != '\n' && c != '\t';
            out.appendCodePoint(control ? 0xFFFD : c);
        });
        return out.toString();
    }
}
