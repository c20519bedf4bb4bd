package io.tideline.alerting.watch;

import io.tideline.messaging.tx.Sql;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** {@code watched_service}: the readiness of each polled service. */
@ApplicationScoped
public class ServiceFacts {

    /** A service's last readiness answer, and since when it has not been ready. */
    public record Readiness(String service, boolean ready, Instant notReadySince, Instant checkedAt, String detail) {
    }

    /** Records a readiness answer; {@code not_ready_since} keeps the start of an unbroken run of not-ready answers. */
    public void checked(Sql sql, String service, boolean ready, Instant at, String detail) {
        sql.exec("insert into watched_service (service, ready, not_ready_since, checked_at, detail)"
                + " values ($1, $2, case when $2 then null else cast($3 as timestamptz) end, $3, $4)"
                + " on conflict (service) do update"
                + " set ready = excluded.ready, checked_at = excluded.checked_at, detail = excluded.detail,"
                + " not_ready_since = case when excluded.ready then null"
                + " else coalesce(watched_service.not_ready_since, excluded.checked_at) end",
                Tuple.from(Arrays.asList(service, ready, Sql.utc(at), detail)));
    }

    public List<Readiness> all(Sql sql) {
        return sql.list("select service, ready, not_ready_since, checked_at, detail from watched_service"
                + " order by service", Tuple.tuple(), r -> new Readiness(r.getString("service"),
                r.getBoolean("ready"), Sql.instant(r, "not_ready_since"), Sql.instant(r, "checked_at"),
                r.getString("detail")));
    }
}
