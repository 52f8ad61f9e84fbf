package vn.diemcau.document;

import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.state.PDExtendedGraphicsState;
import org.apache.pdfbox.util.Matrix;
import vn.diemcau.common.Pdf;

/**
 * Stamps a recipient on every page of a PDF: large, light and diagonal across the page, and once
 * more as a small line at the foot, so a copy that leaks names who received it. Pages are read
 * from the file and written out page by page through a temp-file cache, never whole in memory.
 */
final class Watermark {
    private static final float DIAGONAL_SIZE = 26;
    private static final float FOOT_SIZE = 7.5f;

    private Watermark() {}

    /** Writes {@code source} stamped with {@code lines} (recipient, unit, time) to {@code target}. */
    static void apply(Path source, Path target, String... lines) throws IOException {
        Files.createDirectories(target.getParent());
        Path partial = target.resolveSibling(target.getFileName() + ".part");
        try (PDDocument doc = Loader.loadPDF(
                new RandomAccessReadBufferedFile(source.toFile()),
                null,
                null,
                null,
                IOUtils.createTempFileOnlyStreamCache())) {
            PDFont font = Pdf.embed(doc, true);
            PDFont small = Pdf.embed(doc, false);
            String foot = String.join(" — ", lines);
            PDExtendedGraphicsState light = new PDExtendedGraphicsState();
            light.setNonStrokingAlphaConstant(0.22f);
            for (PDPage page : doc.getPages()) stamp(doc, page, font, small, light, lines, foot);
            try (OutputStream out = Files.newOutputStream(partial)) {
                doc.save(out);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
        Files.move(partial, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private static void stamp(
            PDDocument doc,
            PDPage page,
            PDFont font,
            PDFont small,
            PDExtendedGraphicsState light,
            String[] lines,
            String foot)
            throws IOException {
        PDRectangle box = page.getCropBox();
        float w = box.getWidth();
        float h = box.getHeight();
        double angle = Math.atan2(h, w);
        try (PDPageContentStream s =
                new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.APPEND, true, true)) {
            s.saveGraphicsState();
            s.setGraphicsStateParameters(light);
            s.setNonStrokingColor(new Color(0xB0, 0x10, 0x10));
            float diagonal = (float) Math.hypot(w, h);
            for (int i = 0; i < lines.length; i++) {
                String text = clean(lines[i]);
                float size = DIAGONAL_SIZE;
                float tw = font.getStringWidth(text) / 1000 * size;
                if (tw > diagonal * 0.85f) {
                    size = size * diagonal * 0.85f / tw;
                    tw = font.getStringWidth(text) / 1000 * size;
                }
                // lines stacked across the centre, each centred on the diagonal
                float offset = (lines.length / 2f - i - 0.5f) * size * 1.4f;
                s.beginText();
                s.setFont(font, size);
                Matrix m = Matrix.getTranslateInstance(box.getLowerLeftX() + w / 2, box.getLowerLeftY() + h / 2);
                m.rotate(angle);
                m.translate(-tw / 2, offset);
                s.setTextMatrix(m);
                s.showText(text);
                s.endText();
            }
            s.restoreGraphicsState();
            s.saveGraphicsState();
            s.setNonStrokingColor(new Color(0x80, 0x10, 0x10));
            s.beginText();
            s.setFont(small, FOOT_SIZE);
            s.newLineAtOffset(box.getLowerLeftX() + 20, box.getLowerLeftY() + 10);
            s.showText(clean(foot));
            s.endText();
            s.restoreGraphicsState();
        }
    }

    /** NFC (the font has the composed Vietnamese glyphs), one line. */
    private static String clean(String s) {
        return Normalizer.normalize(s == null ? "" : s, Normalizer.Form.NFC).replaceAll("\\s+", " ");
    }
}
