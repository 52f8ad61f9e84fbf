package vn.diemcau.roster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.diemcau.common.Text;

class DelegateTest {

    static Delegate derived(String fullName, String unitName, String position) {
        Delegate d = new Delegate();
        d.fullName = fullName;
        d.unitName = unitName;
        d.position = position;
        d.derive();
        return d;
    }

    @Test
    void sortKeysOrderNamesByGivenNameWithVietnameseLetters() {
        // A < Ă < Â and D < Đ are separate letters; same given name → the whole name decides
        List<String> expected = List.of(
                "Lê Thị An",
                "Nguyễn Văn An",
                "Trần Thị Ánh",
                "Lò Thị Ăm",
                "Phạm Văn Ân",
                "Lê Bình",
                "Vũ Văn Dũng",
                "Hoàng Minh Đạt",
                "Bùi Thị Hằng",
                "Đinh Văn Ý");
        List<Delegate> shuffled = new ArrayList<>(
                expected.stream().map(n -> derived(n, null, null)).toList());
        Collections.shuffle(shuffled);
        // MariaDB compares VARBINARY as unsigned bytes
        shuffled.sort((a, b) -> Arrays.compareUnsigned(a.nameSortKey, b.nameSortKey));
        assertEquals(expected, shuffled.stream().map(d -> d.fullName).toList());
    }

    @Test
    void foldedColumnsServeSearchAndTwinDetection() {
        Delegate d = derived("Nguyễn Hữu Quất", "Sở Giáo dục và Đào tạo", "Phó Giám đốc");
        assertEquals("nguyen huu quat", d.nameFolded);
        assertEquals("so giao duc va dao tao", d.unitFolded);
        assertEquals("nguyen huu quat | so giao duc va dao tao | pho giam doc", d.searchFolded);
        assertEquals(derived("NGUYEN HUU QUAT", "sở giáo dục và đào tạo", null).twinKey(), d.twinKey());
        assertFalse(derived("Nguyễn Hữu Quất", null, null).twinKey().equals(d.twinKey()));
        assertEquals("", derived("Lê Văn Tám", null, null).unitFolded);
    }

    @Test
    void aVeryLongNameStillFitsItsColumnAndKeepsItsPlace() {
        String longName = "Nguyễn " + "Thị Hồng Ngọc ".repeat(13) + "An";
        assertTrue(longName.length() <= 200);
        Delegate d = derived(longName, null, null);
        assertTrue(Text.nameSortKey(longName).length > 1024, "the untruncated key would not fit");
        assertEquals(1024, d.nameSortKey.length);
        Delegate b = derived("Lê Bình", null, null);
        assertTrue(Arrays.compareUnsigned(d.nameSortKey, b.nameSortKey) < 0, "…An sorts before Bình");
    }
}
