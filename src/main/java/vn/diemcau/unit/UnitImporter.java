package vn.diemcau.unit;

import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import vn.diemcau.audit.AuditService;
import vn.diemcau.common.ImportPreview;
import vn.diemcau.common.ProblemException;
import vn.diemcau.common.Spreadsheet;
import vn.diemcau.common.Text;

/**
 * Imports the unit list offices keep in Excel/CSV. Codes identify units: a code already known
 * updates that unit (rename, move, change of level), a new one creates it, a row without a code
 * always creates a unit. Parents are written before children whatever the order of the rows.
 */
@ApplicationScoped
public class UnitImporter {
    static final Map<String, List<String>> COLUMNS = new LinkedHashMap<>();

    static {
        COLUMNS.put("code", List.of("Mã đơn vị", "Mã", "Mã ĐV", "Code"));
        COLUMNS.put("name", List.of("Tên đơn vị", "Tên", "Đơn vị", "Name"));
        COLUMNS.put("level", List.of("Cấp", "Cấp đơn vị", "Level"));
        COLUMNS.put("parentCode", List.of("Mã đơn vị cấp trên", "Mã cấp trên", "Mã đơn vị trực thuộc", "Parent code"));
    }

    static final Set<String> REQUIRED = Set.of("name", "level");
    private static final int MAX_NAME = 300;
    private static final int MAX_CODE = 40;

    @Inject
    Clock clock;

    @Inject
    AuditService audit;

    @Transactional
    public ImportPreview preview(FileUpload file, Locale locale) {
        if (file == null) throw ProblemException.badRequest("import.no-file");
        return plan(file.fileName(), file.uploadedFile()).table.preview(locale);
    }

    public UnitImportResult importFile(FileUpload file, Locale locale) {
        if (file == null) throw ProblemException.badRequest("import.no-file");
        return importFile(file.fileName(), file.uploadedFile(), locale);
    }

    /** The same import from a file on disk (the demo data, scripts). */
    @Transactional
    // Thousands of rows (a province has ~2,000 points) outlast the default 60 s on a busy server.
    @TransactionConfiguration(timeout = 600)
    public UnitImportResult importFile(String fileName, java.nio.file.Path file, Locale locale) {
        Plan plan = plan(fileName, file);
        plan.table.requireValid(locale);
        return apply(plan);
    }

    /** One row as the import understands it; {@code key} is the upper-cased code, null without one. */
    private record Entry(
            Spreadsheet.Line line, String code, String key, String name, UnitLevel level, String parentKey) {}

    private record Plan(Spreadsheet.Table table, List<Entry> entries, Map<String, Unit> known, boolean hasParents) {}

    private Plan plan(String fileName, java.nio.file.Path file) {
        Spreadsheet.Table table = Spreadsheet.read(fileName, file, COLUMNS, REQUIRED);
        boolean hasParents = table.columns().containsKey("parentCode");
        Map<String, Unit> known = new HashMap<>();
        Map<Long, Unit> ids = new HashMap<>();
        for (Unit u : Unit.<Unit>listAll()) {
            known.put(keyOf(u), u);
            ids.put(u.id, u);
        }

        List<Entry> entries = new ArrayList<>();
        Map<String, List<Entry>> byKey = new LinkedHashMap<>();
        for (Spreadsheet.Line line : table.lines()) {
            String code = line.get("code");
            String name = line.get("name");
            String levelText = line.get("level");
            String parentCode = line.get("parentCode");
            if (name == null) line.error("unit.import.name-missing");
            else if (name.length() > MAX_NAME) line.error("unit.import.name-too-long", MAX_NAME);
            if (code != null && code.length() > MAX_CODE) line.error("unit.import.code-too-long", MAX_CODE);
            UnitLevel level = null;
            if (levelText == null) line.error("unit.import.level-missing");
            else {
                level = UnitLevel.parse(levelText).orElse(null);
                if (level == null) line.error("unit.import.level-unknown", levelText);
            }
            String key = code == null ? null : code.toUpperCase(Locale.ROOT);
            if (key == null) line.warn("unit.import.no-code");
            else if (known.containsKey(key) && known.get(key).retiredAt != null) line.warn("unit.import.retired", code);
            String parentKey;
            if (hasParents) parentKey = parentCode == null ? null : parentCode.toUpperCase(Locale.ROOT);
            else {
                // No parent column: known units stay where they are, new ones are top-level.
                Unit existing = key == null ? null : known.get(key);
                Unit parent = existing == null || existing.parentId == null ? null : ids.get(existing.parentId);
                parentKey = parent == null ? null : keyOf(parent);
            }
            Entry e = new Entry(line, code, key, name, level, parentKey);
            entries.add(e);
            if (key != null) byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(e);
        }

        for (List<Entry> same : byKey.values()) {
            if (same.size() < 2) continue;
            for (Entry e : same) {
                String others = same.stream()
                        .filter(o -> o != e)
                        .map(o -> String.valueOf(o.line.line()))
                        .collect(Collectors.joining(", "));
                e.line.error("unit.import.code-duplicate", e.code, others);
            }
        }
        Map<String, Entry> inFile = new HashMap<>();
        byKey.forEach((k, list) -> inFile.put(k, list.get(0)));
        for (Entry e : entries) {
            if (hasParents
                    && e.parentKey != null
                    && !inFile.containsKey(e.parentKey)
                    && !known.containsKey(e.parentKey)) {
                e.line.error("unit.import.parent-not-found", e.line.get("parentCode"));
            }
        }
        // Cycles: follow each coded row up through the file (which wins) and the database.
        for (Entry e : entries) {
            if (e.key == null || e.line.hasErrors()) continue;
            List<String> chain = new ArrayList<>(List.of(e.code));
            Set<String> seen = new HashSet<>();
            for (String k = e.parentKey; k != null && seen.add(k); k = parentOf(k, inFile, known, ids)) {
                chain.add(codeOf(k, inFile, known));
                if (k.equals(e.key)) {
                    e.line.error("unit.import.cycle", String.join(" › ", chain));
                    break;
                }
            }
        }
        return new Plan(table, entries, known, hasParents);
    }

    private UnitImportResult apply(Plan plan) {
        Map<String, Entry> inFile = new HashMap<>();
        for (Entry e : plan.entries) if (e.key != null) inFile.putIfAbsent(e.key, e);
        Map<String, Integer> depth = new HashMap<>();
        List<Entry> ordered = new ArrayList<>(plan.entries);
        ordered.sort(Comparator.comparingInt(e -> depth(e, inFile, depth)));

        Map<String, Unit> units = new HashMap<>(plan.known);
        Instant now = Instant.now(clock);
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        for (Entry e : ordered) {
            Unit u = e.key == null ? null : units.get(e.key);
            Long parentId = e.parentKey == null ? null : units.get(e.parentKey).id;
            if (u == null) {
                u = new Unit();
                u.code = e.code;
                u.createdAt = now;
                set(u, e, parentId, now);
                u.persist();
                if (e.key != null) units.put(e.key, u);
                audit.record(null, "unit.created", "unit", u.id, u.name);
                created++;
            } else if (!e.name.equals(u.name) || e.level != u.level || !Objects.equals(parentId, u.parentId)) {
                String before = u.name;
                set(u, e, parentId, now);
                audit.record(null, "unit.updated", "unit", u.id, before + " → " + u.name);
                updated++;
            } else {
                unchanged++;
            }
        }
        audit.record(
                null,
                "unit.imported",
                "unit",
                null,
                plan.table.fileName() + ": " + created + " created, " + updated + " updated, " + unchanged
                        + " unchanged");
        return new UnitImportResult(created, updated, unchanged);
    }

    private static void set(Unit u, Entry e, Long parentId, Instant now) {
        u.name = e.name;
        u.nameFolded = Text.fold(e.name);
        u.level = e.level;
        u.parentId = parentId;
        u.updatedAt = now;
    }

    /** How many of the row's ancestors are rows of the same file (those must be written first). */
    private static int depth(Entry e, Map<String, Entry> inFile, Map<String, Integer> memo) {
        if (e.key != null && memo.containsKey(e.key)) return memo.get(e.key);
        Entry parent = e.parentKey == null ? null : inFile.get(e.parentKey);
        int d = parent == null || parent == e ? 0 : depth(parent, inFile, memo) + 1;
        if (e.key != null) memo.put(e.key, d);
        return d;
    }

    /** Uncoded units get a key no cleaned code can equal (a control character), so a file never names them. */
    private static String keyOf(Unit u) {
        return u.code != null ? u.code.toUpperCase(Locale.ROOT) : "\u0001" + u.id;
    }

    private static String parentOf(
            String key, Map<String, Entry> inFile, Map<String, Unit> known, Map<Long, Unit> ids) {
        Entry e = inFile.get(key);
        if (e != null) return e.parentKey;
        Unit u = known.get(key);
        Unit parent = u == null || u.parentId == null ? null : ids.get(u.parentId);
        return parent == null ? null : keyOf(parent);
    }

    private static String codeOf(String key, Map<String, Entry> inFile, Map<String, Unit> known) {
        Entry e = inFile.get(key);
        if (e != null) return e.code;
        Unit u = known.get(key);
        return u == null ? key : u.code != null ? u.code : u.name;
    }
}
