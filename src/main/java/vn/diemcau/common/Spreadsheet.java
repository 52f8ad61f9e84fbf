package vn.diemcau.common;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Reads the lists offices keep in Excel or CSV into rows of text keyed by canonical field, for
 * every import (units, roster, …).
 *
 * <p>What it copes with, because that is how the files arrive:
 *
 * <ul>
 *   <li>.xlsx (recognised by content: a ZIP, {@code PK\x03\x04}) or UTF-8 CSV with or without a
 *       BOM, separated by comma, semicolon or tab (the separator that finds the best header wins).
 *       Anything else, the old .xls included, is refused with 415.
 *   <li>Title rows above the header ("ỦY BAN NHÂN DÂN TỈNH …", "DANH SÁCH …"): the header is the
 *       row, among the first {@value #HEADER_SEARCH_ROWS} non-blank ones, that matches the most
 *       known headers. Headers match ignoring case, diacritics, extra spaces and a trailing
 *       {@code *}, {@code (*)} or {@code :}.
 *   <li>Merged cells: a value merged down several rows (a unit code, a point name) is read in
 *       every one of them; a data row that is nothing but one cell merged across several columns
 *       ("I. ĐẠI BIỂU TRUNG ƯƠNG") is a section heading and is skipped, like blank rows.
 *   <li>Formulas: Excel's saved result is read, as shown in Excel.
 * </ul>
 *
 * <p>Use: {@link #read} the file, check each {@link Line} (calling {@link Line#error}/{@link
 * Line#warn} with message keys), then either answer {@link Table#preview} or, before writing
 * anything, {@link Table#requireValid} (422 with one error per bad row). Limits: {@value
 * #MAX_BYTES} bytes (413) and {@value #MAX_ROWS} data rows (413).
 */
public final class Spreadsheet {
    public static final long MAX_BYTES = 5L * 1024 * 1024;
    public static final int MAX_ROWS = 20_000;
    public static final int HEADER_SEARCH_ROWS = 15;

    private static final byte[] ZIP = {0x50, 0x4B, 0x03, 0x04};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0};
    private static final char[] SEPARATORS = {',', ';', '\t'};
    private static final Pattern HEADER_NOISE = Pattern.compile("\\(\\s*\\*\\s*\\)|\\*|[:.]+\\s*$");

    private Spreadsheet() {}

    /**
     * Reads an uploaded file from disk, refusing it before reading when it is over the size limit.
     *
     * @see #read(String, byte[], Map, Set)
     */
    public static Table read(String fileName, Path file, Map<String, List<String>> aliases, Set<String> required) {
        try {
            if (Files.size(file) > MAX_BYTES) throw tooLarge();
            return read(fileName, Files.readAllBytes(file), aliases, required);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads a CSV or XLSX file.
     *
     * @param fileName as the user named it (only echoed back)
     * @param aliases canonical field → the header texts that mean it (e.g. "fullName" → ["Họ và
     *     tên", "Họ tên"]); the map's order is the order of fields
     * @param required fields whose column must be present, else 422 {@code import.missing-columns}
     * @throws ProblemException 413 too large / too many rows, 415 not CSV/XLSX, 422 no header or no
     *     data rows
     */
    public static Table read(String fileName, byte[] content, Map<String, List<String>> aliases, Set<String> required) {
        if (content.length > MAX_BYTES) throw tooLarge();
        if (content.length == 0) throw ProblemException.invalid("import.empty", List.of());
        Map<String, String> byHeader = new HashMap<>();
        aliases.forEach((field, names) -> names.forEach(n -> byHeader.putIfAbsent(headerKey(n), field)));
        List<Grid> grids = startsWith(content, ZIP) ? xlsx(content) : csv(content);

        Grid best = null;
        Header bestHeader = null;
        for (Grid g : grids) {
            Header h = findHeader(g, byHeader);
            if (h != null && (bestHeader == null || h.fields.size() > bestHeader.fields.size())) {
                best = g;
                bestHeader = h;
            }
        }
        if (bestHeader == null) {
            throw ProblemException.invalid("import.header-not-found", List.of(), HEADER_SEARCH_ROWS, expected(aliases));
        }
        Header header = bestHeader;
        List<String> missing = aliases.keySet().stream()
                .filter(f -> required.contains(f) && !header.fields.containsValue(f))
                .map(f -> aliases.get(f).get(0))
                .toList();
        if (!missing.isEmpty()) {
            throw ProblemException.invalid(
                    "import.missing-columns", List.of(), String.join(", ", missing), header.line);
        }

        List<Line> lines = new ArrayList<>();
        for (RawRow r : best.rows.subList(header.index + 1, best.rows.size())) {
            if (r.section) continue;
            Map<String, String> values = new LinkedHashMap<>();
            header.fields.forEach((col, field) -> {
                String v = col < r.cells.size() ? Text.clean(r.cells.get(col)) : null;
                if (v != null) values.put(field, v);
            });
            if (values.isEmpty()) continue;
            if (lines.size() == MAX_ROWS) throw tooManyRows();
            lines.add(new Line(r.line, Collections.unmodifiableMap(values)));
        }
        if (lines.isEmpty()) throw ProblemException.invalid("import.no-rows", List.of(), header.line);

        List<String> headerCells = best.rows.get(header.index).cells;
        Map<String, String> columns = new LinkedHashMap<>();
        for (var f : header.fields.entrySet()) columns.put(f.getValue(), Text.clean(headerCells.get(f.getKey())));
        return new Table(fileName, best.sheet, header.line, Collections.unmodifiableMap(columns), List.copyOf(lines));
    }

    /** How a header cell is compared: "Mã đơn vị cấp trên (*):" and "ma don vi  cap tren" are one. */
    static String headerKey(String s) {
        return Text.fold(HEADER_NOISE.matcher(Text.fold(s)).replaceAll(" "));
    }

    /** The data read: the rows under the header, each with the fields found. */
    public static final class Table {
        private final String fileName;
        private final String sheet;
        private final int headerRow;
        private final Map<String, String> columns;
        private final List<Line> lines;

        Table(String fileName, String sheet, int headerRow, Map<String, String> columns, List<Line> lines) {
            this.fileName = fileName;
            this.sheet = sheet;
            this.headerRow = headerRow;
            this.columns = columns;
            this.lines = lines;
        }

        public String fileName() {
            return fileName;
        }

        /** The worksheet read, or null for CSV. */
        public String sheet() {
            return sheet;
        }

        /** 1-based line of the header row. */
        public int headerRow() {
            return headerRow;
        }

        /** Canonical field → header text as found, for the fields present in the file. */
        public Map<String, String> columns() {
            return columns;
        }

        public List<Line> lines() {
            return lines;
        }

        public boolean hasErrors() {
            return lines.stream().anyMatch(Line::hasErrors);
        }

        /** The preview, with every error and warning in {@code locale}. */
        public ImportPreview preview(Locale locale) {
            List<ImportRow> rows = lines.stream()
                    .map(l -> new ImportRow(l.line, l.values, l.render(l.errors, locale), l.render(l.warnings, locale)))
                    .toList();
            int invalid = (int) lines.stream().filter(Line::hasErrors).count();
            int warned = (int) lines.stream().filter(l -> !l.warnings.isEmpty()).count();
            return new ImportPreview(
                    fileName,
                    sheet,
                    headerRow,
                    columns,
                    rows,
                    lines.size(),
                    lines.size() - invalid,
                    invalid,
                    warned,
                    invalid == 0);
        }

        /**
         * Throws 422 {@code import.invalid} when any row has an error: one {@link Problem.FieldError}
         * per bad row, field "dòng 12" / "row 12", message all that row's errors, in {@code locale}.
         */
        public void requireValid(Locale locale) {
            List<Problem.FieldError> errors = lines.stream()
                    .filter(Line::hasErrors)
                    .map(l -> new Problem.FieldError(
                            Messages.text(locale, "import.row", l.line), String.join("; ", l.render(l.errors, locale))))
                    .toList();
            if (!errors.isEmpty()) throw ProblemException.invalid("import.invalid", errors, errors.size());
        }
    }

    /** One data row: where it is in the file, its values, and what the importer found wrong with it. */
    public static final class Line {
        private final int line;
        private final Map<String, String> values;
        private final List<Object[]> errors = new ArrayList<>();
        private final List<Object[]> warnings = new ArrayList<>();

        Line(int line, Map<String, String> values) {
            this.line = line;
            this.values = values;
        }

        /** 1-based: the Excel row number, or the CSV line where the record starts. */
        public int line() {
            return line;
        }

        /** Cleaned values (trimmed, NFC, single spaces) by canonical field; blank cells are absent. */
        public Map<String, String> values() {
            return values;
        }

        /** The cleaned value, or null when the cell is blank or the column absent. */
        public String get(String field) {
            return values.get(field);
        }

        /** Marks the row as blocking the import, with a message key from messages_*.properties. */
        public void error(String key, Object... args) {
            errors.add(message(key, args));
        }

        /** Notes something the user should see that does not block the import. */
        public void warn(String key, Object... args) {
            warnings.add(message(key, args));
        }

        public boolean hasErrors() {
            return !errors.isEmpty();
        }

        private static Object[] message(String key, Object... args) {
            Object[] m = new Object[args.length + 1];
            m[0] = key;
            System.arraycopy(args, 0, m, 1, args.length);
            return m;
        }

        private List<String> render(List<Object[]> messages, Locale locale) {
            return messages.stream()
                    .map(m -> Messages.text(locale, (String) m[0], Arrays.copyOfRange(m, 1, m.length)))
                    .toList();
        }
    }

    // --- reading ------------------------------------------------------------------------------

    /** Cells of one sheet (or of one way of splitting a CSV), non-blank rows only. */
    private record Grid(String sheet, List<RawRow> rows) {}

    private record RawRow(int line, List<String> cells, boolean section) {}

    /** The header row found: its index in the grid, its line, and column index → field. */
    private record Header(int index, int line, Map<Integer, String> fields) {}

    private static Header findHeader(Grid g, Map<String, String> byHeader) {
        Header best = null;
        for (int i = 0; i < Math.min(HEADER_SEARCH_ROWS, g.rows.size()); i++) {
            RawRow r = g.rows.get(i);
            Map<Integer, String> fields = new LinkedHashMap<>();
            for (int c = 0; c < r.cells.size(); c++) {
                String field = byHeader.get(headerKey(r.cells.get(c)));
                if (field != null && !fields.containsValue(field)) fields.put(c, field);
            }
            if (!fields.isEmpty() && (best == null || fields.size() > best.fields.size())) {
                best = new Header(i, r.line, fields);
            }
        }
        return best;
    }

    private static List<Grid> xlsx(byte[] content) {
        try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(content))) {
            DataFormatter formatter = new DataFormatter(Locale.ROOT);
            formatter.setUseCachedValuesForFormulaCells(true);
            List<Grid> grids = new ArrayList<>();
            for (int s = 0; s < wb.getNumberOfSheets(); s++) {
                if (wb.isSheetHidden(s) || wb.isSheetVeryHidden(s)) continue;
                grids.add(sheet(wb.getSheetAt(s), formatter));
            }
            return grids;
        } catch (ProblemException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // Not a workbook (a .docx, a corrupt or encrypted file): the same answer as any other type.
            throw unsupported();
        }
    }

    private static Grid sheet(Sheet sheet, DataFormatter formatter) {
        // Merged regions: the value lives in the top-left cell only. Carry it down the region's first
        // column; remember regions spanning several columns to recognise section headings.
        Map<Long, String> filled = new HashMap<>();
        Map<Long, CellRangeAddress> wide = new HashMap<>();
        int mergedWidth = 0;
        for (CellRangeAddress m : sheet.getMergedRegions()) {
            mergedWidth = Math.max(mergedWidth, m.getFirstColumn() + 1);
            Row top = sheet.getRow(m.getFirstRow());
            Cell corner = top == null ? null : top.getCell(m.getFirstColumn());
            String v = corner == null ? "" : formatter.formatCellValue(corner);
            for (int r = m.getFirstRow(); r <= m.getLastRow(); r++) {
                filled.put(key(r, m.getFirstColumn()), v);
                if (m.getLastColumn() > m.getFirstColumn()) wide.put(key(r, m.getFirstColumn()), m);
            }
        }
        List<RawRow> rows = new ArrayList<>();
        for (Row row : sheet) {
            int r = row.getRowNum();
            List<String> cells = new ArrayList<>();
            int nonBlank = 0;
            int lastNonBlank = -1;
            // A merged value may fall beyond the row's own last cell.
            for (int c = 0; c < Math.max(row.getLastCellNum(), mergedWidth); c++) {
                String v = filled.get(key(r, c));
                if (v == null) {
                    Cell cell = row.getCell(c);
                    v = cell == null ? "" : formatter.formatCellValue(cell);
                }
                cells.add(v);
                if (!v.isBlank()) {
                    nonBlank++;
                    lastNonBlank = c;
                }
            }
            if (nonBlank == 0) continue;
            boolean section = nonBlank == 1 && wide.containsKey(key(r, lastNonBlank));
            addRow(rows, new RawRow(r + 1, cells, section));
        }
        return new Grid(sheet.getSheetName(), rows);
    }

    private static long key(int row, int col) {
        return ((long) row << 20) | col;
    }

    private static List<Grid> csv(byte[] content) {
        if (startsWith(content, OLE2)) throw new ProblemException(415, "import.xls-not-supported");
        // NUL bytes: a binary file (PDF, image, UTF-16 text), not a CSV in some other 8-bit encoding.
        for (byte b : content) if (b == 0) throw unsupported();
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new ProblemException(415, "import.csv-not-utf8");
        }
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        int[] lineStarts = lineStarts(text);
        List<Grid> grids = new ArrayList<>();
        for (char sep : SEPARATORS) {
            List<RawRow> rows = new ArrayList<>();
            CSVFormat format = CSVFormat.DEFAULT
                    .builder()
                    .setDelimiter(sep)
                    .setIgnoreEmptyLines(false)
                    .get();
            try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
                for (CSVRecord rec : parser) {
                    List<String> cells = rec.toList();
                    if (cells.stream().allMatch(String::isBlank)) continue;
                    addRow(rows, new RawRow(lineOf(lineStarts, rec.getCharacterPosition()), cells, false));
                }
            } catch (IOException | UncheckedIOException | IllegalStateException e) {
                continue; // unbalanced quotes with this separator: another may read the file
            }
            grids.add(new Grid(null, rows));
        }
        if (grids.isEmpty()) throw ProblemException.invalid("import.csv-malformed", List.of());
        return grids;
    }

    /** Keeps a reader from holding more than a file may have; the exact data-row count is checked later. */
    private static void addRow(List<RawRow> rows, RawRow row) {
        if (rows.size() >= MAX_ROWS + HEADER_SEARCH_ROWS) throw tooManyRows();
        rows.add(row);
    }

    private static int[] lineStarts(String text) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == '\n' || (ch == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'))) {
                starts.add(i + 1);
            }
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    private static int lineOf(int[] lineStarts, long position) {
        int i = Arrays.binarySearch(lineStarts, (int) position);
        return (i >= 0 ? i : -i - 2) + 1;
    }

    private static boolean startsWith(byte[] content, byte[] magic) {
        return content.length >= magic.length && Arrays.equals(content, 0, magic.length, magic, 0, magic.length);
    }

    private static String expected(Map<String, List<String>> aliases) {
        return aliases.values().stream().map(a -> "„" + a.get(0) + "”").collect(Collectors.joining(", "));
    }

    private static ProblemException tooLarge() {
        return new ProblemException(413, "import.too-large", MAX_BYTES / (1024 * 1024));
    }

    private static ProblemException tooManyRows() {
        return new ProblemException(413, "import.too-many-rows", MAX_ROWS);
    }

    private static ProblemException unsupported() {
        return new ProblemException(415, "import.unsupported-type");
    }
}
