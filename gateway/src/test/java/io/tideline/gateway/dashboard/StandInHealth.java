package io.tideline.gateway.dashboard;

/**
 * The services' readiness and messaging state as {@link DashboardStandIn} answers them for the gateway's health
 * aggregate, one service per base path: settlement not ready (its venue check DOWN), the others ready, each with its
 * own outbox backlog, consumers and parked keys.
 */
final class StandInHealth {

    record Answer(int status, String json) {
    }

    /** Outbox backlog, applied, dead-lettered and parked keys of each service's one consumer. */
    private record State(long backlog, long applied, long deadLettered, int parked) {
    }

    static Answer answer(String service, String path) {
        if (path.equals("/q/health/ready")) {
            return service.equals("settlement")
                    ? new Answer(503, "{\"status\":\"DOWN\",\"checks\":[{\"name\":\"database\",\"status\":\"UP\"},"
                            + "{\"name\":\"venue\",\"status\":\"DOWN\"}]}")
                    : new Answer(200, "{\"status\":\"UP\",\"checks\":[{\"name\":\"database\",\"status\":\"UP\"}]}");
        }
        State s = switch (service) {
            case "lp-tracker" -> new State(0, 1042, 0, 0);
            case "perp-hedger" -> new State(2, 311, 1, 1);
            case "pnl-ingest" -> new State(5, 9001, 0, 0);
            case "settlement" -> new State(0, 77, 0, 0);
            case "analytics" -> new State(0, 12345, 2, 2);
            default -> new State(1, 64, 0, 0);
        };
        StringBuilder parked = new StringBuilder();
        for (int i = 0; i < s.parked(); i++) {
            parked.append(i == 0 ? "" : ",").append("{\"key\":\"k-").append(i).append("\"}");
        }
        return new Answer(200, """
                {"relay":{"state":"RUNNING"},"outboxBacklog":%d,"consumers":[{"consumer":"%s.main","state":"RUNNING",
                "applied":%d,"deadLettered":%d}],"parkedKeys":[%s]}""".formatted(s.backlog(), service, s.applied(),
                s.deadLettered(), parked));
    }
}
