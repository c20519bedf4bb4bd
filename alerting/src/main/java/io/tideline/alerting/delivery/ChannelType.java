package io.tideline.alerting.delivery;

import java.util.Locale;

/** The kinds of outside channel; a rule names a channel {@code <type>:<name>}, e.g. {@code email:desk}. */
public enum ChannelType {
    EMAIL,
    WEBHOOK;

    /** The prefix a rule uses: {@code email}, {@code webhook}. */
    public String prefix() {
        return name().toLowerCase(Locale.ROOT);
    }
}
