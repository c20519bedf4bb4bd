package io.tideline.service.problem;

import java.time.Duration;
import java.util.List;

/**
 * 503 with {@code Retry-After}: the service will not take this request now (it sheds load) and nothing was changed;
 * the same request later is welcome.
 */
public class TryLaterException extends ProblemException {

    private static final long serialVersionUID = 1L;

    private final long retryAfterSeconds;

    public TryLaterException(String detail, Duration retryAfter) {
        super(503, "Service Unavailable", detail, List.of());
        this.retryAfterSeconds = Math.max(1, retryAfter.toSeconds());
    }

    /** Whole seconds, at least 1, as {@code Retry-After} carries them. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
