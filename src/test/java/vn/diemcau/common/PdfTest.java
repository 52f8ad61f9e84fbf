package vn.diemcau.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class PdfTest {
    @Test
    void vietnameseTextSurvivesRenderingAndExtraction() throws Exception {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 1; i <= 80; i++)
            rows.add(List.of(String.valueOf(i), "Nguyễn Thị Hồng Nhung " + i, "Phó Bí thư Huyện ủy"));
        byte[] bytes;
        try (Pdf pdf = Pdf.a4("Báo cáo")) {
            pdf.heading("BÁO CÁO ĐIỂM DANH — Hội nghị tập huấn")
                    // decomposed input (NFD) must come out composed
                    .text(Normalizer.normalize("Điểm cầu Huyện Hướng Hóa", Normalizer.Form.NFD) + " 中")
                    .table(
                            List.of(
                                    Pdf.Column.right("STT", 1),
                                    Pdf.Column.left("Họ và tên", 4),
                                    Pdf.Column.left("Chức vụ", 4)),
                            rows);
            bytes = pdf.toBytes();
        }
        try (PDDocument doc = Loader.loadPDF(bytes)) {
            assertTrue(doc.getNumberOfPages() >= 2, "80 rows need more than one page");
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains("BÁO CÁO ĐIỂM DANH"), text);
            assertTrue(
                    text.contains("Điểm cầu Huyện Hướng Hóa ?"),
                    "composed, and the CJK glyph it lacks replaced: " + text);
            assertTrue(text.contains("Nguyễn Thị Hồng Nhung 80"), text);
            assertTrue(text.contains("Trang 1/" + doc.getNumberOfPages()), text);
            assertEquals("Báo cáo", doc.getDocumentInformation().getTitle());
        }
    }
}
