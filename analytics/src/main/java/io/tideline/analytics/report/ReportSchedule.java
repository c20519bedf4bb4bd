package io.tideline.analytics.report;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.tideline.analytics.lots.LotMethod;
import io.tideline.analytics.readmodel.AnalyticsConfig;
import io.tideline.analytics.snapshot.Level;
import io.tideline.messaging.schema.SchemaMigration;
import io.tideline.messaging.tx.Transactions;
import io.tideline.messaging.worker.PollingWorker;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The daily and weekly reports: once the previous UTC day (or ISO week, Monday to Monday) is over, the desk's
 * portfolio report in every format and the FIFO tax lots (CSV, XLSX) are made and kept, each once (its id is the
 * schedule, kind, format and period).
 */
@ApplicationScoped
public class ReportSchedule {

    private static final Logger LOG = Logger.getLogger(ReportSchedule.class);

    private final ReportService reports;
    private final ReportStore store;
    private final Transactions transactions;
    private final SchemaMigration schema;
    private final Clock clock;
    private final AnalyticsConfig.Reports config;
    private final PollingWorker worker;

    public ReportSchedule(ReportService reports, ReportStore store, Transactions transactions, SchemaMigration schema,
            Clock clock, AnalyticsConfig config) {
        this.reports = reports;
        this.store = store;
        this.transactions = transactions;
        this.schema = schema;
        this.clock = clock;
        this.config = config.reports();
        this.worker = new PollingWorker("analytics-reports", this::step, this.config.checkInterval(),
                Duration.ofMinutes(5));
    }

    void onStart(@Observes StartupEvent event) {
        if (config.enabled()) {
            worker.start();
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        worker.stop(Duration.ofSeconds(30));
    }

    /** A period a schedule reports on. */
    public record Period(String schedule, Instant from, Instant to) {
    }

    /** The last complete day and ISO week before {@code now}, in UTC. */
    public static List<Period> due(Instant now) {
        LocalDate today = now.atOffset(ZoneOffset.UTC).toLocalDate();
        LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return List.of(new Period("DAILY", start(today.minusDays(1)), start(today)),
                new Period("WEEKLY", start(monday.minusWeeks(1)), start(monday)));
    }

    /** Makes what is due and not yet kept; returns how many reports were kept. */
    public int makeDue() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        int kept = 0;
        for (Period p : due(now)) {
            for (ReportRequest r : requests(p)) {
                String id = id(p, r);
                if (store.exists(transactions.reads(), id)) {
                    continue;
                }
                ReportFile file = reports.make(transactions.reads(), r, now);
                if (transactions.run(uow -> store.keep(uow, id, r, p.schedule(), file, now))) {
                    kept++;
                    LOG.infof("%s report %s kept (%d bytes)", p.schedule(), id, file.content().length);
                }
            }
        }
        return kept;
    }

    boolean step() {
        if (!schema.isMigrated()) {
            return false;
        }
        makeDue();
        return false;
    }

    static List<ReportRequest> requests(Period p) {
        List<ReportRequest> out = new ArrayList<>();
        for (ReportFormat f : ReportFormat.values()) {
            out.add(new ReportRequest(ReportKind.PORTFOLIO, f, p.from(), p.to(), Level.DESK, "desk", null));
        }
        out.add(new ReportRequest(ReportKind.TAX_LOTS, ReportFormat.CSV, p.from(), p.to(), null, null, LotMethod.FIFO));
        out.add(new ReportRequest(ReportKind.TAX_LOTS, ReportFormat.XLSX, p.from(), p.to(), null, null,
                LotMethod.FIFO));
        return out;
    }

    static String id(Period p, ReportRequest r) {
        return p.schedule().toLowerCase() + "-" + r.kind().name().toLowerCase().replace('_', '-') + "-"
                + p.from().atOffset(ZoneOffset.UTC).toLocalDate() + "." + r.format().extension();
    }

    private static Instant start(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
