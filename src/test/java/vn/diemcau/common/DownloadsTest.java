package vn.diemcau.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import org.junit.jupiter.api.Test;

class DownloadsTest {
    /** The name a browser reads from filename* (RFC 8187: UTF-8, percent-encoded). */
    private static String decoded(String header) {
        String value = header.substring(header.indexOf("filename*=UTF-8''") + "filename*=UTF-8''".length());
        return URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    @Test
    void vietnameseNamesKeepTheirDiacriticsAndGetAPlainFallback() {
        assertEquals(
                "attachment; filename=\"Bao cao diem danh - Hoi nghi tap huan.xlsx\";"
                        + " filename*=UTF-8''B%C3%A1o%20c%C3%A1o%20%C4%91i%E1%BB%83m%20danh%20%E2%80%93%20H%E1%BB%99i%20ngh%E1%BB%8B%20t%E1%BA%ADp%20hu%E1%BA%A5n.xlsx",
                Downloads.attachment("Báo cáo điểm danh – Hội nghị tập huấn.xlsx"));
        assertEquals(
                "inline; filename=\"DANG THI DAO.pdf\"; filename*=UTF-8''%C4%90%E1%BA%B6NG%20TH%E1%BB%8A%20%C4%90%C3%80O.pdf",
                Downloads.inline("ĐẶNG THỊ ĐÀO.pdf"));
        // typed in decomposed form (macOS file names): sent composed, the same bytes as the NFC spelling
        String nfd = Normalizer.normalize("Quy định 126.pdf", Normalizer.Form.NFD);
        assertEquals(Downloads.attachment("Quy định 126.pdf"), Downloads.attachment(nfd));
        assertEquals("Quy định 126.pdf", decoded(Downloads.attachment(nfd)));
    }

    @Test
    void quotesSemicolonsAndPercentSignsCannotBreakOutOfTheHeader() {
        String h = Downloads.attachment("Kết luận \"số 1\"; filename=evil.exe 100%.pdf");
        assertEquals(
                "attachment; filename=\"Ket luan _so 1_; filename=evil.exe 100_.pdf\";"
                        + " filename*=UTF-8''K%E1%BA%BFt%20lu%E1%BA%ADn%20_s%E1%BB%91%201_%3B%20filename%3Devil.exe%20100%25.pdf",
                h);
        assertEquals("Kết luận _số 1_; filename=evil.exe 100%.pdf", decoded(h));
        // only RFC 8187 attr-chars travel unencoded: '*' and '\'' would end or confuse the value
        assertEquals("a%2Ab%27c%28d%29.pdf", Downloads.encode("a*b'c(d).pdf"));
        assertEquals("a_b'c(d).pdf", Downloads.ascii("a\\b’c(d).pdf"));
    }

    @Test
    void pathsReservedAndInvisibleCharactersAreReplacedOrDropped() {
        assertEquals("Quy định 126-QĐ-TW.pdf", Downloads.clean("Quy định 126-QĐ/TW.pdf"));
        assertEquals("a-b-c.pdf", Downloads.clean("a\\b/c.pdf"));
        assertEquals("Hội nghị_ lần 2_.pdf", Downloads.clean("Hội nghị: lần 2?.pdf"));
        // a right-to-left override would show "abcfdp.exe" as "abcexe.pdf"
        assertEquals("abcfdp.exe", Downloads.clean("abc\u202Efdp.exe"));
        assertEquals("Dòng một dòng hai.csv", Downloads.clean("  Dòng một\r\n\tdòng\u00A0hai.csv  "));
        assertEquals("bien-ban.pdf", Downloads.clean("bien-ban.pdf..."));
    }

    @Test
    void aNameWithNothingLeftAfterCleaningGetsTheFallback() {
        assertEquals("attachment; filename=\"tai-xuong\"; filename*=UTF-8''tai-xuong", Downloads.attachment(null));
        assertEquals("tai-xuong", Downloads.clean(""));
        assertEquals("tai-xuong", Downloads.clean("   "));
        assertEquals("tai-xuong", Downloads.clean("\u0000\u200B\u202E"));
        assertEquals("tai-xuong", Downloads.clean(".."));
        assertEquals("tai-xuong.pdf", Downloads.clean(".pdf"));
        // letters outside Latin keep filename*, the fallback still names the type
        assertEquals(
                "attachment; filename=\"__.pdf\"; filename*=UTF-8''%E6%96%87%E4%BB%B6.pdf",
                Downloads.attachment("文件.pdf"));
    }

    @Test
    void aVeryLongNameIsCutOnACharacterBoundaryAndKeepsItsExtension() {
        String title = "Hội nghị tập huấn công tác bảo vệ chính trị nội bộ ".repeat(10);
        String name = Downloads.clean(Downloads.name("xlsx", "Báo cáo điểm danh", title));
        assertTrue(name.getBytes(StandardCharsets.UTF_8).length <= Downloads.MAX_BYTES, name);
        assertTrue(name.startsWith("Báo cáo điểm danh – Hội nghị tập huấn"), name);
        assertTrue(name.endsWith(".xlsx"), name);
        assertTrue(!name.contains(" .xlsx"), name);
        assertEquals(Normalizer.normalize(name, Normalizer.Form.NFC), name);
        String h = Downloads.attachment(title + ".pdf");
        assertEquals(Downloads.clean(title + ".pdf"), decoded(h));
        // a long name without an extension is cut all the same
        assertTrue(Downloads.clean("đ".repeat(500)).getBytes(StandardCharsets.UTF_8).length <= Downloads.MAX_BYTES);
    }

    @Test
    void nameJoinsTheNonBlankPartsWithADash() {
        assertEquals("Báo cáo hội nghị – Hội nghị X.pdf", Downloads.name("pdf", "Báo cáo hội nghị", "Hội nghị X"));
        assertEquals("Giấy mời.pdf", Downloads.name("pdf", "Giấy mời", null, "  "));
    }
}
