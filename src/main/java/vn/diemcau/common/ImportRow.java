package vn.diemcau.common;

import java.util.List;
import java.util.Map;

/**
 * One data row of an import preview: its 1-based line in the file (the Excel row number, or the
 * CSV line where the record starts), its values by canonical field (blank cells left out), and
 * what is wrong with it (errors block the import, warnings do not), in the caller's language.
 */
public record ImportRow(int row, Map<String, String> values, List<String> errors, List<String> warnings) {}
