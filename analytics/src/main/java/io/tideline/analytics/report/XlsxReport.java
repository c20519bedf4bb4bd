package io.tideline.analytics.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A report as an XLSX workbook (Apache POI): one sheet per section, a bold header row, numbers stored as numbers
 * with a format (money {@code #,##0.00########}, statistics {@code 0.000000}), times as date cells in UTC. A
 * spreadsheet number is a double: the exact figures are in the CSV and JSON formats.
 */
public final class XlsxReport {

    private XlsxReport() {
    }

    public static byte[] write(List<ReportRows.Section> sections) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle money = book.createCellStyle();
            money.setDataFormat(book.createDataFormat().getFormat("#,##0.00########"));
            CellStyle statistic = book.createCellStyle();
            statistic.setDataFormat(book.createDataFormat().getFormat("0.000000"));
            CellStyle date = book.createCellStyle();
            date.setDataFormat(book.createDataFormat().getFormat("yyyy-mm-dd hh:mm:ss"));
            CellStyle header = book.createCellStyle();
            var bold = book.createFont();
            bold.setBold(true);
            header.setFont(bold);
            for (ReportRows.Section section : sections) {
                Sheet sheet = book.createSheet(section.title());
                Row head = sheet.createRow(0);
                for (int c = 0; c < section.columns().size(); c++) {
                    var cell = head.createCell(c);
                    cell.setCellValue(section.columns().get(c));
                    cell.setCellStyle(header);
                }
                int r = 1;
                for (List<Object> values : section.rows()) {
                    Row row = sheet.createRow(r++);
                    for (int c = 0; c < values.size(); c++) {
                        Object v = values.get(c);
                        var cell = row.createCell(c);
                        if (v instanceof BigDecimal d) {
                            cell.setCellValue(d.doubleValue());
                            cell.setCellStyle(money);
                        } else if (v instanceof Double d) {
                            cell.setCellValue(d);
                            cell.setCellStyle(statistic);
                        } else if (v instanceof Instant t) {
                            cell.setCellValue(t.atOffset(ZoneOffset.UTC).toLocalDateTime());
                            cell.setCellStyle(date);
                        } else if (v != null) {
                            cell.setCellValue(v.toString());
                        }
                    }
                }
                for (int c = 0; c < section.columns().size(); c++) {
                    sheet.setColumnWidth(c, 22 * 256);
                }
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
