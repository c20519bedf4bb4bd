package io.tideline.analytics.api;

import io.tideline.analytics.lots.LotMethod;
import io.tideline.analytics.report.ReportFile;
import io.tideline.analytics.report.ReportFormat;
import io.tideline.analytics.report.ReportKind;
import io.tideline.analytics.report.ReportRequest;
import io.tideline.analytics.report.ReportSchedule;
import io.tideline.analytics.report.ReportService;
import io.tideline.analytics.report.ReportStore;
import io.tideline.analytics.report.StoredReport;
import io.tideline.analytics.snapshot.Level;
import io.tideline.messaging.tx.Transactions;
import io.tideline.service.input.Identifiers;
import io.tideline.service.problem.ProblemException;
import io.tideline.service.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Reports: made on request and streamed in CSV, JSON, XLSX or PDF; the scheduled ones kept, listed, served. */
@RolesAllowed(Roles.VIEWER)
@Path("/api/v1/reports")
@Tag(name = "Reports")
public class ReportResource {

    private static final Duration LONGEST_PERIOD = Duration.ofDays(5 * 366);

    private final Transactions transactions;
    private final ReportService reports;
    private final ReportStore store;
    private final ReportSchedule schedule;
    private final Clock clock;

    public ReportResource(Transactions transactions, ReportService reports, ReportStore store,
            ReportSchedule schedule, Clock clock) {
        this.transactions = transactions;
        this.reports = reports;
        this.store = store;
        this.schedule = schedule;
        this.clock = clock;
    }

    /** A page of kept reports, newest first; {@code next} is the {@code before} of the next page. */
    public record Page(List<StoredReport> reports, String next) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Kept reports (scheduled daily and weekly), newest first", description = "before: the"
            + " previous page's next; limit 1..5000, default 500.")
    public Page list(@QueryParam("before") String before, @QueryParam("limit") Integer limit) {
        int n = Params.limit(limit);
        List<StoredReport> found = store.list(transactions.reads(), Params.instant("before", before,
                Instant.parse("9999-12-31T00:00:00Z")), n + 1);
        List<StoredReport> page = found.stream().limit(n).toList();
        return new Page(page, found.size() > n ? page.get(page.size() - 1).createdAt().toString() : null);
    }

    @GET
    @Path("/stored/{reportId}")
    @Produces({"text/csv", MediaType.APPLICATION_JSON, "application/pdf",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"})
    @Operation(summary = "A kept report's file, with its content type")
    @APIResponse(responseCode = "404", description = "No such report")
    public Response stored(@PathParam("reportId") String reportId) {
        Identifiers.require("reportId", reportId);
        StoredReport meta = store.meta(transactions.reads(), reportId)
                .orElseThrow(() -> ProblemException.notFound("report " + reportId));
        byte[] content = store.content(transactions.reads(), reportId).orElseThrow();
        return file(new ReportFile(reportId, meta.contentType(), content));
    }

    @GET
    @Path("/portfolio")
    @Produces({"text/csv", MediaType.APPLICATION_JSON, "application/pdf",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"})
    @Operation(summary = "A scope's figures, attribution, value series with drawdowns and risk over a period",
            description = "format CSV (default), JSON, XLSX or PDF; level DESK (default), BOOK, STRATEGY; scope desk,"
                    + " LP/MM/PM or a strategy id; from/to ISO-8601 (default: the last 24 hours), at most 5 years.")
    @APIResponse(responseCode = "400", description = "A parameter is invalid; the problem names it")
    public Response portfolio(@QueryParam("format") String format, @QueryParam("level") String level,
            @QueryParam("scope") String scope, @QueryParam("from") String from, @QueryParam("to") String to) {
        ReportFormat f = Params.choice("format", format, ReportFormat.class, ReportFormat.CSV);
        Level l = Params.choice("level", level, Level.class, Level.DESK);
        String s = scope == null || scope.isEmpty() ? (l == Level.DESK ? "desk" : null) : scope;
        if (s == null) {
            throw ProblemException.badField("scope", "is required for level " + l);
        }
        Identifiers.require("scope", s);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Instant[] period = period(from, to, now);
        return file(reports.make(transactions.reads(), new ReportRequest(ReportKind.PORTFOLIO, f, period[0],
                period[1], l, s, null), now));
    }

    @GET
    @Path("/tax-lots")
    @Produces({"text/csv", MediaType.APPLICATION_JSON, "application/pdf",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"})
    @Operation(summary = "Tax lots of the prediction-market and perp trades: disposals in the period, open lots,"
            + " short- and long-term gains", description = "format CSV (default), JSON, XLSX or PDF; method FIFO"
            + " (default), LIFO or HIFO; from/to ISO-8601 (default: the last 24 hours). Held over 365 days is"
            + " long-term.")
    @APIResponse(responseCode = "400", description = "A parameter is invalid; the problem names it")
    public Response taxLots(@QueryParam("format") String format, @QueryParam("method") String method,
            @QueryParam("from") String from, @QueryParam("to") String to) {
        ReportFormat f = Params.choice("format", format, ReportFormat.class, ReportFormat.CSV);
        LotMethod m = Params.choice("method", method, LotMethod.class, LotMethod.FIFO);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Instant[] period = period(from, to, now);
        return file(reports.make(transactions.reads(), new ReportRequest(ReportKind.TAX_LOTS, f, period[0],
                period[1], null, null, m), now));
    }

    @RolesAllowed(Roles.TRADER)
    @POST
    @Path("/scheduled/run")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Make the daily and weekly reports that are due and not yet kept, now")
    public Made runSchedule() {
        return new Made(schedule.makeDue());
    }

    /** How many reports a run kept. */
    public record Made(int kept) {
    }

    private static Instant[] period(String from, String to, Instant now) {
        Instant end = Params.instant("to", to, now);
        Instant start = Params.instant("from", from, end.minus(Duration.ofDays(1)));
        Params.window(start, end);
        if (Duration.between(start, end).compareTo(LONGEST_PERIOD) > 0) {
            throw ProblemException.badField("from", "a period is at most 5 years");
        }
        return new Instant[] {start, end};
    }

    private static Response file(ReportFile file) {
        StreamingOutput body = out -> out.write(file.content());
        return Response.ok(body, file.contentType())
                .header("Content-Disposition", "attachment; filename=\"" + file.fileName() + "\"")
                .header("Content-Length", file.content().length).build();
    }
}
