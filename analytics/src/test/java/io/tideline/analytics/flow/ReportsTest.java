package io.tideline.analytics.flow;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.tideline.events.TradeSide;
import io.tideline.events.lp.PositionRef;
import io.tideline.events.pnl.ExecutionUnmatched;
import io.tideline.testing.KafkaTestClient;
import io.tideline.testing.TestKafka;
import io.tideline.testing.TidelineTestResources;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Reports from real events: the files are opened with POI, PDFBox, a CSV reading and Jackson and checked. */
@QuarkusTest
@WithTestResource(value = TidelineTestResources.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ReportsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static KafkaTestClient kafka;
    private static DeskFeed desk;
    private static PositionRef position;
    private static Instant from;

    @BeforeAll
    static void feed() {
        kafka = new KafkaTestClient(TestKafka.bootstrapServers());
        desk = new DeskFeed(kafka);
        from = Instant.now().minusSeconds(1).truncatedTo(ChronoUnit.MICROS);
    }

    @AfterAll
    static void close() {
        kafka.close();
    }

    /** A strategy valued at 2,500, 2,550, 2,450 and 2,600 (2 WETH + 5,000 USDC), a snapshot after each. */
    private static synchronized PositionRef strategyWithSeries() {
        if (position != null) {
            return position;
        }
        PositionRef p = DeskFeed.newPosition();
        desk.minted(p);
        for (String price : List.of("2500", "2550", "2450", "2600")) {
            desk.valued(p, price, DeskFeed.weth("2"), DeskFeed.usdc("5000"), BigInteger.ZERO, BigInteger.ZERO);
            BigDecimal expected = new BigDecimal(price).multiply(BigDecimal.valueOf(2)).add(new BigDecimal("5000"));
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
                Response r = given().get("/api/v1/portfolio/strategies/" + p.key());
                return r.statusCode() == 200 && new BigDecimal(r.jsonPath().getString("figures.value"))
                        .compareTo(expected) == 0;
            });
            given().post("/api/v1/snapshots").then().statusCode(200);
        }
        position = p;
        return p;
    }

    private static Response report(String path, String format, String... params) {
        var request = given().queryParam("format", format).queryParam("from", from.toString());
        for (int i = 0; i < params.length; i += 2) {
            request = request.queryParam(params[i], params[i + 1]);
        }
        return request.get(path).then().statusCode(200).extract().response();
    }

    @Test
    void theXlsxReportHasASheetPerSectionWithNumbersStoredAsNumbers() throws Exception {
        PositionRef p = strategyWithSeries();
        Response r = report("/api/v1/reports/portfolio", "XLSX", "level", "STRATEGY", "scope", p.key());
        assertThat(r.contentType()).isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(r.asByteArray()))) {
            List<String> sheets = new ArrayList<>();
            book.forEach(s -> sheets.add(s.getSheetName()));
            assertThat(sheets).containsExactly("Summary", "Figures", "Attribution", "Series", "Risk");
            Row value = find(book.getSheet("Figures"), "value");
            assertThat(value.getCell(1).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(value.getCell(1).getNumericCellValue()).isEqualTo(10200.0); // 2 × 2,600 + 5,000
            assertThat(value.getCell(1).getCellStyle().getDataFormatString()).isEqualTo("#,##0.00########");
            Sheet series = book.getSheet("Series");
            assertThat(series.getLastRowNum()).isEqualTo(4);
            double[] values = new double[4];
            for (int i = 0; i < 4; i++) {
                values[i] = series.getRow(i + 1).getCell(1).getNumericCellValue();
            }
            assertThat(values).containsExactly(10000, 10100, 9900, 10200);
            assertThat(series.getRow(3).getCell(3).getNumericCellValue()).isCloseTo(9900.0 / 10100 - 1,
                    org.assertj.core.data.Offset.offset(1e-12));
            assertThat(series.getRow(1).getCell(0).getCellType()).isEqualTo(CellType.NUMERIC); // a date cell
            // market part over the period: the deposits' value moved from 10,000 to 10,200
            assertThat(find(book.getSheet("Attribution"), "market").getCell(1).getNumericCellValue())
                    .isEqualTo(200.0);
            assertThat(find(book.getSheet("Risk"), "maxDrawdown").getCell(1).getNumericCellValue())
                    .isCloseTo(200.0 / 10100, org.assertj.core.data.Offset.offset(1e-12));
        }
    }

    @Test
    void thePdfReportHasItsSectionsAndThreeCharts() throws Exception {
        PositionRef p = strategyWithSeries();
        Response r = report("/api/v1/reports/portfolio", "PDF", "level", "STRATEGY", "scope", p.key());
        assertThat(r.contentType()).isEqualTo("application/pdf");
        try (PDDocument doc = Loader.loadPDF(r.asByteArray())) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("Tideline portfolio report: " + p.key(), "Attribution", "Series", "Risk",
                    "market | 200.000000000000000000", "value | 10200.000000000000000000");
            int images = 0;
            for (PDPage page : doc.getPages()) {
                for (var name : page.getResources().getXObjectNames()) {
                    if (page.getResources().getXObject(name) instanceof PDImageXObject image) {
                        assertThat(image.getWidth()).isEqualTo(900);
                        images++;
                    }
                }
            }
            assertThat(images).isEqualTo(3); // equity curve, drawdown, attribution bars
        }
    }

    @Test
    void theCsvAndJsonReportsCarryExactFiguresWhosePartsSumToTheTotal() throws Exception {
        PositionRef p = strategyWithSeries();
        Response csv = report("/api/v1/reports/portfolio", "CSV", "level", "STRATEGY", "scope", p.key());
        assertThat(csv.contentType()).startsWith("text/csv");
        List<String> lines = Arrays.asList(new String(csv.asByteArray(), StandardCharsets.UTF_8).split("\r\n"));
        int attribution = lines.indexOf("Attribution");
        assertThat(lines.get(attribution + 1)).isEqualTo("part,usd");
        BigDecimal sum = BigDecimal.ZERO;
        int i = attribution + 2;
        for (; !lines.get(i).startsWith("total,"); i++) {
            sum = sum.add(new BigDecimal(lines.get(i).split(",")[1]));
        }
        assertThat(new BigDecimal(lines.get(i).split(",")[1])).isEqualTo(sum);
        assertThat(lines).contains("market,200.000000000000000000");

        Response json = report("/api/v1/reports/portfolio", "JSON", "level", "STRATEGY", "scope", p.key());
        JsonNode tree = JSON.readTree(json.asByteArray());
        assertThat(tree.at("/figures/value").asText()).isEqualTo("10200.000000000000000000");
        assertThat(tree.at("/series").size()).isEqualTo(4);
        BigDecimal parts = BigDecimal.ZERO;
        for (JsonNode part : tree.at("/attribution/parts")) {
            parts = parts.add(new BigDecimal(part.asText()));
        }
        assertThat(new BigDecimal(tree.at("/attribution/total").asText())).isEqualTo(parts);
    }

    @Test
    void taxLotsMatchFifoWithTheirFeesAndTerm() throws Exception {
        String wallet = "0x" + String.format("%040d", Long.parseLong(DeskFeed.unique("")));
        String market = DeskFeed.unique("m");
        Instant t = Instant.now().truncatedTo(ChronoUnit.MICROS);
        execution(wallet, market, TradeSide.BUY, "10", "0.40", "0.04", t);
        execution(wallet, market, TradeSide.BUY, "10", "0.60", "0", t.plusMillis(1));
        execution(wallet, market, TradeSide.SELL, "15", "0.70", "0.15", t.plusMillis(2));
        String instrument = "polymarket:" + market + ":YES";

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() ->
                new String(report("/api/v1/reports/tax-lots", "CSV").asByteArray(), StandardCharsets.UTF_8)
                        .contains(instrument + ",pm:"));
        Response xlsx = report("/api/v1/reports/tax-lots", "XLSX", "method", "FIFO");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.asByteArray()))) {
            List<Row> rows = new ArrayList<>();
            book.getSheet("Disposals").forEach(row -> {
                if (instrument.equals(row.getCell(0).getStringCellValue())) {
                    rows.add(row);
                }
            });
            assertThat(rows).hasSize(2);
            // lot 1: 10 @ 0.40 + 0.04 → cost 4.04, proceeds 10 × 0.70 − 0.10 (its share of the fee) = 6.90
            assertThat(rows.get(0).getCell(7).getNumericCellValue()).isEqualTo(4.04);
            assertThat(rows.get(0).getCell(8).getNumericCellValue()).isEqualTo(6.9);
            assertThat(rows.get(0).getCell(9).getNumericCellValue()).isEqualTo(2.86);
            // lot 2: half of 6.00, proceeds 5 × 0.70 − 0.05
            assertThat(rows.get(1).getCell(7).getNumericCellValue()).isEqualTo(3.0);
            assertThat(rows.get(1).getCell(9).getNumericCellValue()).isEqualTo(0.45);
            assertThat(rows.get(1).getCell(10).getStringCellValue()).isEqualTo("short-term");
        }
        Response lifo = report("/api/v1/reports/tax-lots", "JSON", "method", "LIFO");
        List<JsonNode> mine = new ArrayList<>();
        JSON.readTree(lifo.asByteArray()).at("/disposals").forEach(d -> {
            if (instrument.equals(d.get("instrument").asText())) {
                mine.add(d);
            }
        });
        // LIFO closes the 0.60 lot first: 10 × 0.70 − 0.10 − 6.00
        assertThat(new BigDecimal(mine.get(0).get("gain").asText())).isEqualByComparingTo("0.90");
    }

    @Test
    void scheduledReportsAreMadeOncePerPeriodAndListed() {
        int first = given().post("/api/v1/reports/scheduled/run").then().statusCode(200).extract().path("kept");
        int again = given().post("/api/v1/reports/scheduled/run").then().statusCode(200).extract().path("kept");
        assertThat(first + again).isGreaterThanOrEqualTo(0);
        assertThat(again).isZero();
        var list = given().get("/api/v1/reports").then().statusCode(200).extract().jsonPath();
        List<String> ids = list.getList("reports.reportId", String.class);
        assertThat(ids).anyMatch(id -> id.startsWith("daily-portfolio-") && id.endsWith(".pdf"))
                .anyMatch(id -> id.startsWith("weekly-tax-lots-") && id.endsWith(".xlsx"));
        String pdf = ids.stream().filter(id -> id.startsWith("daily-portfolio-") && id.endsWith(".pdf")).findFirst()
                .orElseThrow();
        Response stored = given().get("/api/v1/reports/stored/" + pdf).then().statusCode(200).extract().response();
        assertThat(stored.contentType()).isEqualTo("application/pdf");
        assertThat(new String(stored.asByteArray(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        given().get("/api/v1/reports/stored/nope").then().statusCode(404);
        given().queryParam("format", "DOCX").get("/api/v1/reports/portfolio").then().statusCode(400)
                .contentType("application/problem+json");
    }

    private static void execution(String wallet, String market, TradeSide side, String shares, String price,
            String fee, Instant at) {
        desk.publish("pnl-ingest", wallet, new ExecutionUnmatched(DeskFeed.unique("x"), wallet, "polymarket", market,
                "YES", side, new BigDecimal(shares), new BigDecimal(price), new BigDecimal(fee), at));
    }

    private static Row find(Sheet sheet, String name) {
        for (Row row : sheet) {
            if (name.equals(row.getCell(0).getStringCellValue())) {
                return row;
            }
        }
        throw new AssertionError("no row " + name + " in " + sheet.getSheetName());
    }
}
