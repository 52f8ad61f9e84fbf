package vn.diemcau.roster;

import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import vn.diemcau.audit.AuditService;
import vn.diemcau.common.ImportPreview;
import vn.diemcau.common.Jdbc;
import vn.diemcau.common.Spreadsheet;
import vn.diemcau.common.Text;
import vn.diemcau.point.PointService;
import vn.diemcau.point.PointView;
import vn.diemcau.session.SessionService;

/**
 * Imports a roster from the lists offices keep: all rows or none, after a preview with every problem
 * by row. Both run with a long transaction timeout: 20,000 rows on a busy server may outlast 60 s.
 */
@ApplicationScoped
public class DelegateImport {
    /** Canonical field → the headers offices use for it (first one named in messages). */
    static final Map<String, List<String>> COLUMNS = new LinkedHashMap<>();

    static {
        COLUMNS.put("fullName", List.of("Họ và tên", "Họ tên", "Họ và tên đại biểu", "Tên đại biểu", "Full name"));
        COLUMNS.put("position", List.of("Chức vụ", "Chức danh", "Chức vụ, đơn vị công tác", "Position"));
        COLUMNS.put("unitName", List.of("Đơn vị", "Cơ quan", "Đơn vị công tác", "Cơ quan, đơn vị", "Unit"));
        COLUMNS.put("category", List.of("Thành phần", "Đối tượng", "Category"));
        COLUMNS.put("pointName", List.of("Điểm cầu", "Điểm dự", "Điểm cầu dự", "Point"));
        COLUMNS.put("phone", List.of("Số điện thoại", "Điện thoại", "SĐT", "ĐT", "Phone"));
        COLUMNS.put("email", List.of("Email", "E-mail", "Thư điện tử"));
        COLUMNS.put("note", List.of("Ghi chú", "Note"));
    }

    private static final Set<String> REQUIRED = Set.of("fullName");
    private static final Map<String, Integer> MAX_LENGTH = Map.of(
            "fullName", 200,
            "position", 300,
            "unitName", 300,
            "category", 100,
            "phone", 40,
            "email", 254,
            "note", 2000);

    @Inject
    SessionService sessions;

    @Inject
    PointService points;

    @Inject
    AuditService audit;

    @Inject
    Clock clock;

    @Transactional
    @TransactionConfiguration(timeout = 600)
    public ImportPreview preview(long sessionId, String fileName, Path file, boolean allowDuplicates, Locale locale) {
        sessions.requireEditable(sessionId);
        return check(sessionId, Spreadsheet.read(fileName, file, COLUMNS, REQUIRED), allowDuplicates)
                .table()
                .preview(locale);
    }

    /** Writes every row of a clean file, or nothing: 422 with one error per bad row otherwise. */
    @Transactional
    @TransactionConfiguration(timeout = 600)
    public int importFile(long sessionId, String fileName, Path file, boolean allowDuplicates, Locale locale) {
        sessions.requireEditable(sessionId);
        Checked c = check(sessionId, Spreadsheet.read(fileName, file, COLUMNS, REQUIRED), allowDuplicates);
        c.table().requireValid(locale);
        DelegateRows.insert(c.rows(), Instant.now(clock));
        audit.record(
                sessionId, "delegate.imported", "session", sessionId, c.rows().size() + " ← " + fileName);
        return c.rows().size();
    }

    private record Checked(Spreadsheet.Table table, List<Delegate> rows) {}

    private Checked check(long sessionId, Spreadsheet.Table table, boolean allowDuplicates) {
        Map<String, List<PointView>> pointsByName =
                points.list(sessionId).stream().collect(Collectors.groupingBy(p -> Text.fold(p.name())));
        Map<String, Delegate> onRoster = existing(sessionId, table);
        Map<String, Integer> firstLine = new HashMap<>();
        List<Delegate> rows = new ArrayList<>();
        for (Spreadsheet.Line l : table.lines()) {
            Delegate d = new Delegate();
            d.sessionId = sessionId;
            d.fullName = l.get("fullName");
            d.position = l.get("position");
            d.unitName = l.get("unitName");
            d.category = l.get("category");
            d.phone = l.get("phone");
            d.email = l.get("email");
            d.note = l.get("note");
            if (d.fullName == null) l.error("roster.import.name-missing");
            MAX_LENGTH.forEach((field, max) -> {
                String v = l.get(field);
                if (v != null && v.length() > max)
                    l.error("roster.import.too-long", table.columns().get(field), max);
            });
            if (!Contacts.validPhone(d.phone)) l.error("roster.import.phone-invalid", d.phone);
            if (!Contacts.validEmail(d.email)) l.error("roster.import.email-invalid", d.email);
            String pointName = l.get("pointName");
            if (pointName != null) {
                List<PointView> match = pointsByName.get(Text.fold(pointName));
                if (match == null) l.error("roster.import.point-unknown", pointName);
                else if (match.size() > 1) l.error("roster.import.point-ambiguous", pointName);
                else d.pointId = match.get(0).id();
            }
            d.derive();
            if (d.fullName != null) {
                String key = d.twinKey();
                Integer first = firstLine.putIfAbsent(key, l.line());
                if (first != null) duplicate(l, allowDuplicates, "roster.import.duplicate-in-file", first);
                Delegate twin = onRoster.get(key);
                if (twin != null)
                    duplicate(l, allowDuplicates, "roster.import.duplicate-existing", twin.fullName, twin.id);
            }
            rows.add(d);
        }
        return new Checked(table, rows);
    }

    /** A likely twin blocks the import unless the office confirmed that such rows are different people. */
    private static void duplicate(Spreadsheet.Line l, boolean allowed, String key, Object... args) {
        if (allowed) l.warn(key, args);
        else l.error(key, args);
    }

    /** Delegates already on the roster whose name appears in the file, by name-and-unit key. */
    private static Map<String, Delegate> existing(long sessionId, Spreadsheet.Table table) {
        List<String> names = table.lines().stream()
                .map(l -> l.get("fullName"))
                .filter(n -> n != null)
                .map(Text::fold)
                .distinct()
                .toList();
        Map<String, Delegate> found = new HashMap<>();
        for (List<String> part : Jdbc.inParts(names)) {
            List<Delegate> ds = Delegate.list("sessionId = ?1 and nameFolded in ?2 order by id", sessionId, part);
            for (Delegate d : ds) found.putIfAbsent(d.twinKey(), d);
        }
        return found;
    }
}
