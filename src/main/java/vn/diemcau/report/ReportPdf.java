package vn.diemcau.report;

import java.util.List;
import vn.diemcau.common.Pdf;

/** The report as an A4 landscape PDF: one heading per section, its notes, its tables. */
final class ReportPdf {
    private ReportPdf() {}

    static byte[] render(Report r) {
        try (Pdf pdf = Pdf.a4Landscape("Báo cáo hội nghị: " + r.sessionTitle())) {
            pdf.heading("BÁO CÁO TỔNG HỢP HỘI NGHỊ");
            pdf.subheading(r.sessionTitle());
            pdf.text("Lập lúc " + ReportFormat.TIME.format(r.generatedAt()) + " (giờ Việt Nam).");
            pdf.gap(6);
            int n = 1;
            for (ReportContent s : r.sections()) {
                pdf.subheading(n++ + ". " + s.title());
                s.notes().forEach(pdf::text);
                for (ReportContent.Table t : s.tables()) {
                    if (s.tables().size() > 1) pdf.text(t.name());
                    List<Pdf.Column> columns = t.columns().stream()
                            .map(c -> c.number()
                                    ? Pdf.Column.right(c.header(), c.weight())
                                    : Pdf.Column.left(c.header(), c.weight()))
                            .toList();
                    List<List<String>> rows = t.rows().stream()
                            .map(row -> row.stream().map(ReportFormat::text).toList())
                            .toList();
                    pdf.table(columns, rows);
                }
                pdf.gap(6);
            }
            return pdf.toBytes();
        }
    }
}
