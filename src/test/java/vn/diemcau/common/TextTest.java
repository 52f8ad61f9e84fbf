package vn.diemcau.common;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TextTest {
    private static String nfd(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFD);
    }

    @Test
    void foldDropsMarksCaseAndTheStrokeOfD() {
        assertEquals("nguyen huu quat", Text.fold("Nguyễn Hữu Quất"));
        assertEquals("dang thi dao", Text.fold("ĐẶNG THỊ ĐÀO"));
        assertEquals("uy ban kiem tra tinh uy", Text.fold("Ủy ban Kiểm tra Tỉnh ủy"));
        assertEquals("o o a a u u", Text.fold("ô ơ â ă ư Ư"));
        assertEquals("", Text.fold(null));
    }

    @Test
    void foldIsTheSameHoweverTheTextWasTypedOrPasted() {
        String expected = "pham thi hong nhung";
        assertEquals(expected, Text.fold(nfd("Phạm Thị Hồng Nhung")));
        assertEquals(expected, Text.fold("  Phạm\u00A0Thị\tHồng \n Nhung\u00A0"));
        // Đ typed as the look-alike Ð (U+00D0) by old font converters.
        assertEquals("do van duc", Text.fold("Ðỗ Văn Ðức"));
    }

    @Test
    void cleanComposesTrimsAndCollapsesEveryKindOfSpace() {
        String typedOnAMac = nfd("Nguyễn Thị Ánh Tuyết");
        assertNotEquals("Nguyễn Thị Ánh Tuyết", typedOnAMac);
        assertEquals("Nguyễn Thị Ánh Tuyết", Text.clean(typedOnAMac));
        assertTrue(Normalizer.isNormalized(Text.clean(typedOnAMac), Normalizer.Form.NFC));
        assertEquals("Lê Văn Ước", Text.clean("\u00A0 Lê \u00A0Văn\u2003\u200BƯớc\uFEFF "));
        assertEquals("Hoàng Đình Thắng", Text.clean("Hoàng\r\nĐình\t\tThắng"));
        assertNull(Text.clean(" \u00A0\t"));
        assertNull(Text.clean(null));
    }

    @Test
    void cleanLinesKeepsLineBreaks() {
        assertEquals("Dòng một\nDòng hai", Text.cleanLines("  Dòng một\r\nDòng hai \n"));
        assertEquals("Nghỉ giải lao", Text.cleanLines(nfd("Nghỉ giải lao")));
        assertNull(Text.cleanLines(" \r\n "));
    }

    @Test
    void theGivenNameIsTheLastWord() {
        assertEquals("Quất", Text.givenName("Nguyễn Hữu Quất"));
        assertEquals("Hòa", Text.givenName("Hòa"));
        assertEquals("Ước", Text.givenName("Lê\u00A0Văn\u00A0Ước"));
        assertEquals("", Text.givenName("  "));
    }

    /** A realistic roster: same given names under different family names, every Vietnamese letter and tone. */
    static final List<String> SORTED = List.of(
            "Nguyễn Văn An",
            "Trần Thị An",
            "Lê Hoàng Anh",
            "Phạm Thị Ánh",
            "Hoàng Thiên Ân",
            "Huỳnh Thị Bích",
            "Vũ Thanh Bình",
            "Võ Văn Cường",
            "Phan Văn Dũng",
            "Hồ Quang Duy",
            "Ngô Bá Dương",
            "Dương Văn Đạt",
            "Bùi Minh Đức",
            "Đặng Văn Đức",
            "Đỗ Trọng Đức",
            "Nguyễn Văn Đức",
            "Lý Thị Giang",
            "Trần Thu Hà",
            "Lê Văn Hải",
            "Võ Thị Hạnh",
            "Dương Thu Hằng",
            "Lý Thị Hằng",
            "Phạm Văn Hùng",
            "Đặng Quốc Hưng",
            "Nguyễn Thị Hương",
            "Hồ Văn Lợi",
            "Ngô Thị Ngân",
            "Phan Văn Sang",
            "Bùi Văn Sơn",
            "Trần Văn Thành",
            "Hoàng Thị Thảo",
            "Huỳnh Văn Thắng",
            "Vũ Thị Thư",
            "Lê Văn Tú",
            "Nguyễn Anh Tuấn",
            "Đỗ Thị Uyên",
            "Phạm Văn Ước");

    @Test
    void nameOrderIsGivenNameThenTheRestInTheVietnameseAlphabet() {
        List<String> shuffled = new ArrayList<>(SORTED);
        Collections.shuffle(shuffled, new Random(126));
        shuffled.sort(Text.NAME_ORDER);
        assertEquals(SORTED, shuffled);
    }

    @Test
    void theSortKeysBytesSortLikeNameOrder() {
        for (String a : SORTED) {
            for (String b : SORTED) {
                int byName = Integer.signum(Text.NAME_ORDER.compare(a, b));
                int byKey = Integer.signum(Arrays.compareUnsigned(Text.nameSortKey(a), Text.nameSortKey(b)));
                assertEquals(byName, byKey, a + " vs " + b);
            }
        }
        List<String> shuffled = new ArrayList<>(SORTED);
        Collections.shuffle(shuffled, new Random(19));
        shuffled.sort(Comparator.comparing(Text::nameSortKey, Arrays::compareUnsigned));
        assertEquals(SORTED, shuffled);
    }

    @Test
    void theSortKeyIgnoresHowTheNameWasTyped() {
        assertArrayEquals(Text.nameSortKey("Nguyễn Hữu Quất"), Text.nameSortKey(nfd(" Nguyễn\u00A0 Hữu Quất ")));
        // A shorter given name sorts first even when the longer one belongs to an earlier family name.
        assertEquals(
                -1, Integer.signum(Arrays.compareUnsigned(Text.nameSortKey("Trần An"), Text.nameSortKey("Bùi Anh"))));
    }
}
