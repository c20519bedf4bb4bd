package io.tideline.gateway.route;

/**
 * An upstream could not be reached, did not answer in time, or its circuit breaker is open: the gateway answers 503
 * (504 for a timeout) naming it.
 */
public class UpstreamUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String upstream;
    private final boolean timedOut;

    public UpstreamUnavailableException(String upstream, String detail, boolean timedOut, Throwable cause) {
        super(detail, cause);
        this.upstream = upstream;
        this.timedOut = timedOut;
    }

    public String upstream() {
        return upstream;
    }

    public boolean timedOut() {
        return timedOut;
    }
}
