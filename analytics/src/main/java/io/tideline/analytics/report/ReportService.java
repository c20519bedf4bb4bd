package io.tideline.analytics.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.tideline.events.EventJson;
import io.tideline.messaging.tx.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;

/** Makes a report in a format from the read model. */
@ApplicationScoped
public class ReportService {

    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm")
            .withZone(ZoneOffset.UTC);

    private final ReportData data;
    private final ObjectMapper json;

    public ReportService(ReportData data) {
        this.data = data;
        ObjectMapper mapper = new ObjectMapper();
        EventJson.configure(mapper);
        this.json = mapper.enable(SerializationFeature.INDENT_OUTPUT);
    }

    public ReportFile make(Sql sql, ReportRequest r, Instant now) {
        String name = r.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + "-"
                + (r.kind() == ReportKind.PORTFOLIO ? r.scope().replaceAll("[^A-Za-z0-9.-]", "_") + "-"
                : r.method().name().toLowerCase(java.util.Locale.ROOT) + "-")
                + FILE_TIME.format(r.from()) + "-" + FILE_TIME.format(r.to()) + "." + r.format().extension();
        byte[] content;
        if (r.kind() == ReportKind.PORTFOLIO) {
            PortfolioReport report = data.portfolio(sql, r.level(), r.scope(), r.from(), r.to(), now);
            content = switch (r.format()) {
                case CSV -> CsvReport.write(ReportRows.of(report));
                case JSON -> json(report);
                case XLSX -> XlsxReport.write(ReportRows.of(report));
                case PDF -> PdfReport.portfolio(report);
            };
        } else {
            TaxLotReport report = data.taxLots(sql, r.method(), r.from(), r.to(), now);
            content = switch (r.format()) {
                case CSV -> CsvReport.write(ReportRows.of(report));
                case JSON -> json(report);
                case XLSX -> XlsxReport.write(ReportRows.of(report));
                case PDF -> PdfReport.taxLots(report);
            };
        }
        return new ReportFile(name, r.format().contentType(), content);
    }

    private byte[] json(Object report) {
        try {
            return json.writeValueAsBytes(report);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
