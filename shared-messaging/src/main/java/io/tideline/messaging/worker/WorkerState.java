package io.tideline.messaging.worker;

/** A worker thread's state for liveness: RUNNING, STOPPED, DEAD (its thread ended) or STUCK (a step overran). */
public record WorkerState(String worker, String state, String lastFailure) {

    public boolean isLive() {
        return !"DEAD".equals(state) && !"STUCK".equals(state);
    }
}
