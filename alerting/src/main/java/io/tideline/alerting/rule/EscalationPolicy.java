package io.tideline.alerting.rule;

import java.util.List;

/**
 * What happens to an alert nobody acknowledges: every {@code afterSeconds} it goes one severity up and is sent again
 * to the rule's channels and {@code channels}, at most {@code maxTimes} times.
 */
public record EscalationPolicy(long afterSeconds, int maxTimes, List<String> channels) {

    public EscalationPolicy {
        channels = channels == null ? List.of() : List.copyOf(channels);
    }
}
