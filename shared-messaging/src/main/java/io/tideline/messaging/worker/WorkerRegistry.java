package io.tideline.messaging.worker;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The polling workers started in this JVM, for the liveness check. */
public final class WorkerRegistry {

    private static final Set<PollingWorker> WORKERS = ConcurrentHashMap.newKeySet();

    private WorkerRegistry() {
    }

    static void register(PollingWorker worker) {
        WORKERS.add(worker);
    }

    static void unregister(PollingWorker worker) {
        WORKERS.remove(worker);
    }

    /** The workers started and not stopped. */
    public static List<PollingWorker> all() {
        return List.copyOf(WORKERS);
    }
}
