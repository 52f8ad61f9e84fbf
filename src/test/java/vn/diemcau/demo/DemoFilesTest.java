package vn.diemcau.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import vn.diemcau.common.Text;

/** The quick-start files in src/main/resources/demo agree with each other and read cleanly. */
class DemoFilesTest {
    static final List<String> UNIT_HEADER = List.of("Mã đơn vị", "Tên đơn vị", "Cấp", "Mã đơn vị cấp trên");
    static final List<String> ROSTER_HEADER =
            List.of("STT", "Họ và tên", "Chức vụ", "Đơn vị", "Thành phần", "Điểm cầu", "Số điện thoại", "Email");
    static final List<String> AGENDA_HEADER = List.of("Thứ tự", "Nội dung", "Người trình bày", "Thời lượng (phút)");
    static final String MAIN_HALL = "Hội trường Tỉnh ủy";
    static final Set<String> LEVELS = Set.of("Tỉnh", "Huyện", "Xã", "Đảng ủy", "Cơ quan");
    static final Set<String> CATEGORIES =
            Set.of("Ủy viên Ban Thường vụ", "Lãnh đạo ban", "Chuyên viên", "Bí thư cơ sở");
    static final Pattern EMAIL = Pattern.compile("^[a-z0-9._-]+@[a-z0-9-]+(\\.[a-z0-9-]+)+$");
    static final Pattern PHONE = Pattern.compile("^0\\d{9}$");

    /** Every letter Vietnamese uses: the 12 vowels with their 5 tone marks, đ, and the rest of ASCII. */
    static final Set<Integer> VIETNAMESE_LETTERS = vietnameseLetters();

    /** Pieces that UTF-8 Vietnamese turns into when read as Windows-1252 or Latin-1. */
    static final List<String> MOJIBAKE =
            List.of("áº", "á»", "Æ°", "Æ¡", "Ä‘", "Ä\u0090", "Ã¡", "Ã©", "Ã´", "Ãª", "â€", "�");

    record Unit(String code, String name, String level, String parent) {}

    record Delegate(
            int stt,
            String name,
            String position,
            String unit,
            String category,
            String point,
            String phone,
            String email) {}

    // ---------------------------------------------------------------------------------------- files

    @Test
    void everyFileIsCleanUtf8InNfcWithOnlyVietnameseLetters() throws IOException {
        for (String f : List.of("units.csv", "roster.csv", "roster-broken.csv", "agenda.csv", "demo.md")) {
            String text = read(f);
            for (String m : MOJIBAKE) assertFalse(text.contains(m), f + " contains mojibake " + m);
            assertTrue(Normalizer.isNormalized(text, Normalizer.Form.NFC), f + " is not in NFC");
            if (!f.endsWith(".csv")) continue;
            text.codePoints()
                    .filter(c -> c > 0x7E && c != 0xFEFF)
                    .forEach(c -> assertTrue(
                            VIETNAMESE_LETTERS.contains(c),
                            f + " has " + Character.getName(c) + ", not a Vietnamese letter"));
        }
        assertTrue(read("roster.csv").startsWith("\uFEFF"), "Excel's CSV UTF-8 starts with a BOM");
        assertTrue(read("roster-broken.csv").startsWith("\uFEFF"));
    }

    // ---------------------------------------------------------------------------------------- units

    @Test
    void unitsFormOneProvinceTree() throws IOException {
        List<CSVRecord> records = csv(read("units.csv"));
        assertEquals(UNIT_HEADER, records.get(0).toList());
        Map<String, Unit> byCode = new HashMap<>();
        Set<String> names = new HashSet<>();
        for (CSVRecord r : records.subList(1, records.size())) {
            Unit u = new Unit(r.get(0), r.get(1), r.get(2), r.get(3));
            assertTrue(LEVELS.contains(u.level()), "level " + u.level());
            assertEquals(Text.clean(u.name()), u.name());
            assertTrue(names.add(u.name()), "duplicate name " + u.name());
            if (u.level().equals("Tỉnh")) {
                assertEquals("", u.parent(), "the province is the root");
            } else {
                Unit parent = byCode.get(u.parent());
                assertNotNull(parent, u.code() + ": the parent must come before its children");
                String expected = u.level().equals("Xã") ? "Huyện" : "Tỉnh";
                assertEquals(expected, parent.level(), u.name() + " hangs under " + parent.name());
            }
            assertFalse(byCode.containsKey(u.code()), "duplicate code " + u.code());
            byCode.put(u.code(), u);
        }
        assertEquals(1, count(byCode, "Tỉnh"));
        assertTrue(count(byCode, "Huyện") >= 10, "about a dozen district-level units");
        Set<String> withCommunes = byCode.values().stream()
                .filter(u -> u.level().equals("Xã"))
                .map(Unit::parent)
                .collect(Collectors.toSet());
        assertEquals(2, withCommunes.size(), "communes under two districts");
        assertTrue(count(byCode, "Đảng ủy") > 0 && count(byCode, "Cơ quan") > 0);
        assertTrue(names.containsAll(List.of("Ban Tổ chức Tỉnh ủy", "Ban Nội chính Tỉnh ủy")));
    }

    // ---------------------------------------------------------------------------------------- roster

    @Test
    void everyDelegateIsValidAndAttendsAPointOfTheSession() throws IOException {
        List<Delegate> roster = roster("roster.csv");
        Set<String> points = points();
        assertTrue(roster.size() >= 140 && roster.size() <= 160, roster.size() + " delegates");
        Map<String, Integer> perPoint = new TreeMap<>();
        for (Delegate d : roster) {
            assertEquals(List.of(), problems(d, points), "STT " + d.stt());
            perPoint.merge(d.point(), 1, Integer::sum);
        }
        assertEquals(points, perPoint.keySet(), "every point has delegates, and no delegate is elsewhere");
        assertEquals(List.of(), duplicates(roster));
        for (int i = 0; i < roster.size(); i++)
            assertEquals(i + 1, roster.get(i).stt());

        Set<String> families = roster.stream().map(d -> d.name().split(" ")[0]).collect(Collectors.toSet());
        assertTrue(
                families.containsAll(List.of(
                        "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ",
                        "Ngô", "Dương", "Lý")),
                families.toString());
        // demo.md promises namesakes in different units (not duplicates) and these counts.
        Map<String, Set<String>> unitsByName = new HashMap<>();
        roster.forEach(d -> unitsByName
                .computeIfAbsent(Text.fold(d.name()), k -> new HashSet<>())
                .add(d.unit()));
        assertTrue(unitsByName.values().stream().anyMatch(s -> s.size() > 1));
        String md = read("demo.md");
        assertTrue(md.contains(roster.size() + " delegates"), "demo.md states the roster size");
        assertTrue(md.contains(perPoint.get(MAIN_HALL) + " in the main hall"));
    }

    @Test
    void theBrokenRosterHasExactlyTheFourDocumentedProblems() throws IOException {
        List<Delegate> roster = roster("roster-broken.csv");
        Set<String> points = points();
        Map<Integer, List<String>> found = new TreeMap<>();
        for (Delegate d : roster) {
            List<String> p = problems(d, points);
            if (!p.isEmpty()) found.put(d.stt(), p);
        }
        duplicates(roster)
                .forEach(stt ->
                        found.computeIfAbsent(stt, k -> new ArrayList<>()).add("duplicate"));
        assertEquals(
                Map.of(
                        3,
                        List.of("no name"),
                        6,
                        List.of("unknown point"),
                        8,
                        List.of("bad email"),
                        10,
                        List.of("duplicate")),
                found);
        assertEquals(10, roster.size());
        // The walk-through in demo.md points at file lines: title, blank line and header come first.
        List<String> lines = read("roster-broken.csv").lines().toList();
        List<Integer> lineNumbers =
                found.keySet().stream().map(stt -> indexOfRow(lines, stt) + 1).toList();
        assertEquals(List.of(6, 9, 11, 13), lineNumbers);
        assertTrue(read("demo.md").contains("lines 6, 9, 11 and 13"));
    }

    // ---------------------------------------------------------------------------------------- agenda

    @Test
    void theAgendaFillsTheMorningAndItsPresentersAreInTheMainHall() throws IOException {
        List<CSVRecord> records = csv(read("agenda.csv"));
        assertEquals(AGENDA_HEADER, records.get(0).toList());
        Set<String> mainHall = roster("roster.csv").stream()
                .filter(d -> d.point().equals(MAIN_HALL))
                .map(Delegate::name)
                .collect(Collectors.toSet());
        int minutes = 0;
        List<String> titles = new ArrayList<>();
        for (int i = 1; i < records.size(); i++) {
            CSVRecord r = records.get(i);
            assertEquals(String.valueOf(i), r.get(0));
            int duration = Integer.parseInt(r.get(3));
            assertTrue(duration >= 1 && duration <= 600, "the API accepts 1..600 minutes");
            minutes += duration;
            titles.add(r.get(1));
            String presenter = r.get(2);
            if (presenter.startsWith("Đồng chí ")) {
                String name = presenter.substring("Đồng chí ".length(), presenter.indexOf(','));
                assertTrue(mainHall.contains(name), name + " presents but is not in the main hall");
            }
        }
        assertEquals(210, minutes, "08:00 to 11:30");
        assertTrue(titles.get(0).startsWith("Khai mạc"));
        assertTrue(titles.get(titles.size() - 1).contains("bế mạc"));
        assertTrue(titles.stream().anyMatch(t -> t.contains("126-QĐ/TW")));
        assertTrue(titles.stream().anyMatch(t -> t.contains("19-HD/BTCTW")));
        assertTrue(titles.stream().anyMatch(t -> t.contains("điểm cầu")));
    }

    // ---------------------------------------------------------------------------------------- helpers

    /** The points of the demo session: the main hall and "Điểm cầu " + each district-level unit. */
    static Set<String> points() throws IOException {
        Set<String> points = new LinkedHashSet<>();
        points.add(MAIN_HALL);
        List<CSVRecord> units = csv(read("units.csv"));
        for (CSVRecord r : units.subList(1, units.size())) {
            if (r.get(2).equals("Huyện")) points.add("Điểm cầu " + r.get(1));
        }
        return points;
    }

    static List<String> problems(Delegate d, Set<String> points) {
        List<String> p = new ArrayList<>();
        if (Text.clean(d.name()) == null) {
            p.add("no name");
        } else {
            assertEquals(Text.clean(d.name()), d.name(), "names are clean");
            assertTrue(d.name().split(" ").length >= 3, d.name() + ": family, middle and given name");
        }
        if (!points.contains(d.point())) p.add("unknown point");
        if (!d.email().isEmpty() && !EMAIL.matcher(d.email()).matches()) p.add("bad email");
        assertTrue(d.phone().isEmpty() || PHONE.matcher(d.phone()).matches(), "phone " + d.phone());
        assertTrue(CATEGORIES.contains(d.category()), "category " + d.category());
        assertFalse(d.position().isBlank() || d.unit().isBlank());
        return p;
    }

    /** STT of each row whose folded name and unit repeat an earlier row (what the roster import flags). */
    static List<Integer> duplicates(List<Delegate> roster) {
        Set<String> seen = new HashSet<>();
        List<Integer> dup = new ArrayList<>();
        for (Delegate d : roster) {
            if (Text.clean(d.name()) != null && !seen.add(Text.fold(d.name()) + "|" + Text.fold(d.unit()))) {
                dup.add(d.stt());
            }
        }
        return dup;
    }

    static List<Delegate> roster(String file) throws IOException {
        String text = read(file);
        List<String> lines = text.lines().toList();
        assertTrue(lines.get(0).startsWith("\uFEFFDANH SÁCH ĐẠI BIỂU DỰ HỘI NGHỊ TẬP HUẤN"), "title row first");
        assertEquals("", lines.get(1), "then an empty line");
        List<CSVRecord> records = csv(text.substring(1));
        assertEquals(ROSTER_HEADER, records.get(1).toList(), "then the header");
        List<Delegate> roster = new ArrayList<>();
        for (CSVRecord r : records.subList(2, records.size())) {
            assertEquals(ROSTER_HEADER.size(), r.size(), "columns of STT " + r.get(0));
            roster.add(new Delegate(
                    Integer.parseInt(r.get(0)), r.get(1), r.get(2), r.get(3), r.get(4), r.get(5), r.get(6), r.get(7)));
        }
        return roster;
    }

    static List<CSVRecord> csv(String text) throws IOException {
        return CSVFormat.DEFAULT.parse(new StringReader(text)).getRecords();
    }

    /** The file's text, refusing anything that is not valid UTF-8. */
    static String read(String file) throws IOException {
        try (InputStream in = DemoFilesTest.class.getResourceAsStream("/demo/" + file)) {
            assertNotNull(in, file + " is missing");
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(in.readAllBytes()))
                    .toString();
        } catch (CharacterCodingException e) {
            fail(file + " is not valid UTF-8: " + e);
            return null;
        }
    }

    private static int indexOfRow(List<String> lines, int stt) {
        for (int i = 0; i < lines.size(); i++) if (lines.get(i).startsWith(stt + ",")) return i;
        return -1;
    }

    private static long count(Map<String, Unit> units, String level) {
        return units.values().stream().filter(u -> u.level().equals(level)).count();
    }

    private static Set<Integer> vietnameseLetters() {
        String vowels = "aăâeêioôơuưy";
        String tones = "\u0300\u0301\u0309\u0303\u0323";
        Set<Integer> letters = new HashSet<>();
        for (char v : (vowels + vowels.toUpperCase()).toCharArray()) {
            letters.add((int) v);
            for (char t : tones.toCharArray()) {
                letters.add(
                        Normalizer.normalize("" + v + t, Normalizer.Form.NFC).codePointAt(0));
            }
        }
        letters.add((int) 'đ');
        letters.add((int) 'Đ');
        return letters;
    }
}
