package vn.diemcau.feedback;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import vn.diemcau.common.Pdf;

/** The feedback summary as XLSX (one sheet of figures, one of free-text answers) and as an A4 PDF. */
@ApplicationScoped
class FeedbackExport {
    byte[] xlsx(FeedbackSummary s) {
        try (XSSFWorkbook wb = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sum = wb.createSheet("Tổng hợp");
            int r = 0;
            row(sum, r++, s.title());
            row(sum, r++, "Số phiếu", String.valueOf(s.responses()));
            r++;
            row(sum, r++, "STT", "Câu hỏi", "Loại", "Số trả lời", "Điểm trung bình", "Phân bố");
            for (FeedbackSummary.Question q : s.questions()) {
                Row row = sum.createRow(r++);
                row.createCell(0).setCellValue(q.position() + 1);
                row.createCell(1).setCellValue(q.text());
                row.createCell(2).setCellValue(kind(q.kind()));
                row.createCell(3).setCellValue(q.answered());
                if (q.average() != null) row.createCell(4).setCellValue(q.average());
                row.createCell(5).setCellValue(distribution(q));
            }
            sum.setColumnWidth(1, 60 * 256);
            sum.setColumnWidth(5, 60 * 256);
            Sheet texts = wb.createSheet("Ý kiến");
            int t = 0;
            row(texts, t++, "STT câu hỏi", "Câu hỏi", "Ý kiến");
            for (FeedbackSummary.Question q : s.questions())
                for (String text : q.texts()) row(texts, t++, String.valueOf(q.position() + 1), q.text(), text);
            texts.setColumnWidth(1, 50 * 256);
            texts.setColumnWidth(2, 80 * 256);
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    byte[] pdf(FeedbackSummary s) {
        try (Pdf pdf = Pdf.a4(s.title())) {
            pdf.heading(s.title()).text("Số phiếu đánh giá: " + s.responses()).gap(8);
            List<List<String>> rows = new ArrayList<>();
            for (FeedbackSummary.Question q : s.questions())
                rows.add(List.of(
                        String.valueOf(q.position() + 1),
                        q.text(),
                        String.valueOf(q.answered()),
                        q.average() == null ? "" : String.valueOf(q.average()),
                        distribution(q)));
            pdf.table(
                    List.of(
                            Pdf.Column.right("STT", 0.6f),
                            Pdf.Column.left("Câu hỏi", 5),
                            Pdf.Column.right("Số trả lời", 1.2f),
                            Pdf.Column.right("Điểm TB", 1.1f),
                            Pdf.Column.left("Phân bố", 4)),
                    rows);
            for (FeedbackSummary.Question q : s.questions()) {
                if (q.texts().isEmpty()) continue;
                pdf.gap(8).subheading((q.position() + 1) + ". " + q.text());
                for (String text : q.texts()) pdf.text("– " + text);
            }
            return pdf.toBytes();
        }
    }

    private static String distribution(FeedbackSummary.Question q) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < q.distribution().size(); i++) {
            String label = q.kind() == FeedbackQuestionKind.RATING
                    ? (i + 1) + " điểm"
                    : q.options().get(i);
            parts.add(label + ": " + q.distribution().get(i));
        }
        return String.join("; ", parts);
    }

    private static String kind(FeedbackQuestionKind k) {
        return switch (k) {
            case RATING -> "Chấm điểm 1–5";
            case CHOICE -> "Lựa chọn";
            case TEXT -> "Ý kiến";
        };
    }

    private static void row(Sheet sheet, int r, String... values) {
        Row row = sheet.createRow(r);
        for (int i = 0; i < values.length; i++) row.createCell(i).setCellValue(values[i]);
    }
}
