package io.tideline.analytics.report;

import io.tideline.messaging.tx.Sql;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The {@code report} table's one home: keep a made report, list them newest first, read one back. */
@ApplicationScoped
public class ReportStore {

    private static final String META = "report_id, kind, format, scope, period_from, period_to, schedule,"
            + " content_type, octet_length(content) as size, created_at";

    /** Keeps a report; a report id already kept is left as it was (a schedule's period is made once). */
    public boolean keep(Sql sql, String reportId, ReportRequest r, String schedule, ReportFile file, Instant at) {
        return sql.exec("insert into report (report_id, kind, format, scope, period_from, period_to, schedule,"
                + " content_type, content, created_at) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)"
                + " on conflict (report_id) do nothing", Tuple.from(new Object[] {reportId, r.kind().name(),
                        r.format().name(), r.kind() == ReportKind.PORTFOLIO ? r.scope() : r.method().name(),
                        Sql.utc(r.from()), Sql.utc(r.to()), schedule, file.contentType(),
                        io.vertx.core.buffer.Buffer.buffer(file.content()), Sql.utc(at)})) == 1;
    }

    public boolean exists(Sql sql, String reportId) {
        return sql.first("select 1 from report where report_id = $1", Tuple.of(reportId), r -> true).isPresent();
    }

    /** Newest first, created before {@code before} (the previous page's last), at most {@code limit}. */
    public List<StoredReport> list(Sql sql, Instant before, int limit) {
        return sql.list("select " + META + " from report where created_at < $1 order by created_at desc,"
                + " report_id limit $2", Tuple.of(Sql.utc(before), limit), ReportStore::meta);
    }

    public Optional<StoredReport> meta(Sql sql, String reportId) {
        return sql.first("select " + META + " from report where report_id = $1", Tuple.of(reportId),
                ReportStore::meta);
    }

    public Optional<byte[]> content(Sql sql, String reportId) {
        return sql.first("select content from report where report_id = $1", Tuple.of(reportId),
                r -> r.getBuffer("content").getBytes());
    }

    private static StoredReport meta(Row r) {
        return new StoredReport(r.getString("report_id"), ReportKind.valueOf(r.getString("kind")),
                ReportFormat.valueOf(r.getString("format")), r.getString("scope"), Sql.instant(r, "period_from"),
                Sql.instant(r, "period_to"), r.getString("schedule"), r.getString("content_type"),
                r.getInteger("size"), Sql.instant(r, "created_at"));
    }
}
