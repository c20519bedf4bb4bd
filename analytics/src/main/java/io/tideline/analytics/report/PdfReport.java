package io.tideline.analytics.report;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * A report as PDF (PDFBox): its sections as text tables, then (portfolio reports) the equity curve, drawdown and
 * attribution charts, one per page. Long tables continue on new pages; the series table shows its first and last
 * points (the CSV, JSON and XLSX formats carry all of them).
 */
public final class PdfReport {

    private static final float MARGIN = 50;
    private static final float LINE = 13;
    private static final int SERIES_ROWS_SHOWN = 20;

    private PdfReport() {
    }

    public static byte[] portfolio(PortfolioReport r) {
        List<ReportRows.Section> sections = ReportRows.of(r);
        List<BufferedImage> charts = List.of(ReportCharts.equityCurve(r), ReportCharts.drawdown(r),
                ReportCharts.attribution(r));
        return write("Tideline portfolio report: " + r.scope(), sections, charts);
    }

    public static byte[] taxLots(TaxLotReport r) {
        return write("Tideline tax lots (" + r.method() + ")", ReportRows.of(r), List.of());
    }

    static byte[] write(String title, List<ReportRows.Section> sections, List<BufferedImage> charts) {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
            List<String[]> lines = new ArrayList<>();
            lines.add(new String[] {"T", title});
            for (ReportRows.Section s : sections) {
                lines.add(new String[] {"H", s.title()});
                lines.add(new String[] {"C", String.join(" | ", s.columns())});
                List<List<Object>> rows = s.rows();
                boolean cut = s.title().equals("Series") && rows.size() > SERIES_ROWS_SHOWN;
                for (int i = 0; i < rows.size(); i++) {
                    if (cut && i == SERIES_ROWS_SHOWN / 2) {
                        lines.add(new String[] {"R", "... " + (rows.size() - SERIES_ROWS_SHOWN) + " more points ..."});
                        i = rows.size() - SERIES_ROWS_SHOWN / 2;
                    }
                    List<String> cells = new ArrayList<>();
                    rows.get(i).forEach(v -> cells.add(text(v)));
                    lines.add(new String[] {"R", String.join(" | ", cells)});
                }
            }
            PDPage page = null;
            PDPageContentStream content = null;
            float y = 0;
            for (String[] line : lines) {
                if (content == null || y < MARGIN + LINE) {
                    if (content != null) {
                        content.close();
                    }
                    page = new PDPage(PDRectangle.A4);
                    doc.addPage(page);
                    content = new PDPageContentStream(doc, page);
                    y = page.getMediaBox().getHeight() - MARGIN;
                }
                boolean heading = !line[0].equals("R");
                float size = line[0].equals("T") ? 16 : line[0].equals("H") ? 12 : 8;
                if (line[0].equals("H")) {
                    y -= LINE / 2;
                }
                content.beginText();
                content.setFont(heading ? bold : regular, size);
                content.newLineAtOffset(MARGIN, y);
                content.showText(fit(line[1], size));
                content.endText();
                y -= line[0].equals("T") ? LINE * 2 : LINE;
            }
            if (content != null) {
                content.close();
            }
            for (BufferedImage chart : charts) {
                PDPage chartPage = new PDPage(PDRectangle.A4);
                doc.addPage(chartPage);
                PDImageXObject image = LosslessFactory.createFromImage(doc, chart);
                float width = chartPage.getMediaBox().getWidth() - 2 * MARGIN;
                float height = width * chart.getHeight() / chart.getWidth();
                try (PDPageContentStream c = new PDPageContentStream(doc, chartPage)) {
                    c.drawImage(image, MARGIN, chartPage.getMediaBox().getHeight() - MARGIN - height, width, height);
                }
            }
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(Object v) {
        if (v == null) {
            return "-";
        }
        if (v instanceof BigDecimal d) {
            return d.toPlainString();
        }
        return v.toString();
    }

    /** Standard-14 fonts encode WinAnsi only; anything else becomes '?', and a line is cut to the page width. */
    private static String fit(String s, float size) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            b.append(c >= 32 && c < 127 ? c : '?');
        }
        int max = (int) (1000 / size * 5.2);
        return b.length() > max ? b.substring(0, max - 3) + "..." : b.toString();
    }
}
