package vn.diemcau.common;

import java.util.List;
import java.util.Map;

/**
 * What an import would do, shown before anything is written (the shape every import endpoint
 * returns from its /preview). Build it with {@link Spreadsheet.Table#preview}.
 *
 * @param sheet the worksheet read (null for CSV)
 * @param headerRow 1-based line of the header row
 * @param columns canonical field → the header text as found in the file, in column order
 * @param total data rows read (blank rows and section headings are not counted)
 * @param valid rows without errors
 * @param invalid rows with at least one error
 * @param warningCount rows with at least one warning
 * @param ok true when nothing blocks the import
 */
public record ImportPreview(
        String fileName,
        String sheet,
        int headerRow,
        Map<String, String> columns,
        List<ImportRow> rows,
        int total,
        int valid,
        int invalid,
        int warningCount,
        boolean ok) {}
