package vn.diemcau.common;

import java.awt.Color;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * Every PDF the service prints (invitation sheets, attendance and session reports): A4, the bundled
 * DejaVu Sans embedded so Vietnamese text renders and extracts exactly, flowing headings, text and
 * tables with page breaks, and "Trang i/n" in every footer.
 *
 * <p>Use: {@code Pdf.a4(title)}, add content top to bottom, then {@link #toBytes} or {@link
 * #writeTo}. For free layout (cards, watermarks) take {@link #document}, {@link #regular}, {@link
 * #bold} and draw with PDFBox directly, after {@link #closePage}.
 */
public final class Pdf implements AutoCloseable {
    public static final float MARGIN = 42;
    public static final float BODY = 10.5f;

    private static final byte[] REGULAR = font("/fonts/DejaVuSans.ttf");
    private static final byte[] BOLD = font("/fonts/DejaVuSans-Bold.ttf");
    // PDFBox encodes a character the font lacks as an empty box without complaint; AWT can tell
    private static final java.awt.Font REGULAR_GLYPHS = awt(REGULAR);
    private static final java.awt.Font BOLD_GLYPHS = awt(BOLD);
    private static final Color RULE = new Color(0x99, 0x99, 0x99);
    private static final Color HEADER_FILL = new Color(0xE8, 0xEC, 0xF2);

    private final PDDocument doc = new PDDocument();
    private final PDFont regular;
    private final PDFont bold;
    private final Map<PDFont, Map<Integer, Boolean>> glyphs = new HashMap<>();
    private final PDRectangle size;
    private PDPage page;
    private PDPageContentStream out;
    private float y;

    private Pdf(String title, PDRectangle size) {
        this.size = size;
        try {
            regular = PDType0Font.load(doc, new ByteArrayInputStream(REGULAR), true);
            bold = PDType0Font.load(doc, new ByteArrayInputStream(BOLD), true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        PDDocumentInformation info = doc.getDocumentInformation();
        info.setTitle(title);
        info.setCreator("diemcau");
    }

    // documents: the watermark of confidential PDFs draws with the same embedded font
    /** The bundled DejaVu Sans (regular or bold), subset-embedded into any document, e.g. one being watermarked. */
    public static PDFont embed(PDDocument target, boolean strong) {
        try {
            return PDType0Font.load(target, new ByteArrayInputStream(strong ? BOLD : REGULAR), true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A portrait A4 document titled {@code title} (the PDF's metadata; add a heading for the page). */
    public static Pdf a4(String title) {
        return new Pdf(title, PDRectangle.A4);
    }

    /** A landscape A4 document, for wide tables. */
    public static Pdf a4Landscape(String title) {
        return new Pdf(title, new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth()));
    }

    public PDDocument document() {
        return doc;
    }

    public PDFont regular() {
        return regular;
    }

    public PDFont bold() {
        return bold;
    }

    public PDRectangle pageSize() {
        return size;
    }

    /** Width usable for text between the margins. */
    public float width() {
        return size.getWidth() - 2 * MARGIN;
    }

    public Pdf heading(String text) {
        return paragraph(text, 15, true);
    }

    public Pdf subheading(String text) {
        return paragraph(text, 12, true);
    }

    public Pdf text(String text) {
        return paragraph(text, BODY, false);
    }

    /** Wrapped text; a blank or null text adds nothing. */
    public Pdf paragraph(String text, float fontSize, boolean strong) {
        if (text == null || text.isBlank()) return this;
        PDFont f = strong ? bold : regular;
        float leading = fontSize * 1.35f;
        for (String line : wrap(text, f, fontSize, width())) {
            ensure(leading);
            show(f, fontSize, MARGIN, y - fontSize, line);
            y -= leading;
        }
        return gap(fontSize * 0.3f);
    }

    public Pdf gap(float points) {
        y -= points;
        return this;
    }

    /** A column of a {@link #table}: its header and its share of the width (relative weights). */
    public record Column(String header, float weight, boolean right) {
        public static Column left(String header, float weight) {
            return new Column(header, weight, false);
        }

        public static Column right(String header, float weight) {
            return new Column(header, weight, true);
        }
    }

    /** A table with wrapped cells; it breaks across pages and repeats its header on each. */
    public Pdf table(List<Column> columns, List<List<String>> rows) {
        float total = 0;
        for (Column c : columns) total += c.weight();
        float[] w = new float[columns.size()];
        for (int i = 0; i < w.length; i++) w[i] = width() * columns.get(i).weight() / total;
        float fontSize = 9.5f;
        List<String> headers = columns.stream().map(Column::header).toList();
        ensure(rowHeight(headers, w, bold, fontSize) * 2);
        row(columns, headers, w, bold, fontSize, true);
        for (List<String> r : rows) {
            float h = rowHeight(r, w, regular, fontSize);
            if (y - h < MARGIN + 20) {
                newPage();
                row(columns, headers, w, bold, fontSize, true);
            }
            row(columns, r, w, regular, fontSize, false);
        }
        return gap(8);
    }

    /** A PNG (a QR code, a logo) at the current position, {@code w}×{@code h} points. */
    public Pdf image(byte[] png, float w, float h) {
        ensure(h + 4);
        try {
            PDImageXObject img =
                    LosslessFactory.createFromImage(doc, javax.imageio.ImageIO.read(new ByteArrayInputStream(png)));
            out.drawImage(img, MARGIN, y - h, w, h);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        y -= h + 4;
        return this;
    }

    /** Starts a new page for flowing content. */
    public Pdf newPage() {
        closePage();
        page = new PDPage(size);
        doc.addPage(page);
        try {
            out = new PDPageContentStream(doc, page);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        y = size.getHeight() - MARGIN;
        return this;
    }

    /** Ends the flowing page, so the caller may draw its own pages on {@link #document}. */
    public void closePage() {
        if (out == null) return;
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out = null;
    }

    /**
     * Draws {@code text} with its baseline at ({@code x}, {@code baseline}) on {@code stream};
     * characters the font lacks become "?" instead of failing the whole document.
     */
    public void show(PDPageContentStream stream, PDFont f, float fontSize, float x, float baseline, String text) {
        try {
            stream.beginText();
            stream.setFont(f, fontSize);
            stream.newLineAtOffset(x, baseline);
            stream.showText(printable(f, text));
            stream.endText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Width of {@code text} in points. */
    public float widthOf(PDFont f, float fontSize, String text) {
        try {
            return f.getStringWidth(printable(f, text)) / 1000 * fontSize;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Splits {@code text} into lines no wider than {@code maxWidth}; explicit newlines are kept. */
    public List<String> wrap(String text, PDFont f, float fontSize, float maxWidth) {
        List<String> lines = new ArrayList<>();
        for (String para : (text == null ? "" : text).split("\\R", -1)) {
            StringBuilder line = new StringBuilder();
            for (String word : para.split(" +")) {
                String candidate = line.isEmpty() ? word : line + " " + word;
                if (widthOf(f, fontSize, candidate) <= maxWidth) {
                    line.setLength(0);
                    line.append(candidate);
                    continue;
                }
                if (!line.isEmpty()) lines.add(line.toString());
                line.setLength(0);
                // a word longer than the line (an e-mail, a code) is cut where it must be
                String rest = word;
                while (widthOf(f, fontSize, rest) > maxWidth && rest.length() > 1) {
                    int cut = rest.length() - 1;
                    while (cut > 1 && widthOf(f, fontSize, rest.substring(0, cut)) > maxWidth) cut--;
                    lines.add(rest.substring(0, cut));
                    rest = rest.substring(cut);
                }
                line.append(rest);
            }
            lines.add(line.toString());
        }
        return lines;
    }

    public byte[] toBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        writeTo(bytes);
        return bytes.toByteArray();
    }

    /** Numbers the pages and writes the document; call once. */
    public void writeTo(OutputStream target) {
        closePage();
        if (doc.getNumberOfPages() == 0) doc.addPage(new PDPage(size));
        int n = doc.getNumberOfPages();
        try {
            for (int i = 0; i < n; i++) {
                try (PDPageContentStream s = new PDPageContentStream(
                        doc, doc.getPage(i), PDPageContentStream.AppendMode.APPEND, true, true)) {
                    String label = "Trang " + (i + 1) + "/" + n;
                    float w = widthOf(regular, 8, label);
                    s.setNonStrokingColor(Color.GRAY);
                    show(s, regular, 8, size.getWidth() - MARGIN - w, MARGIN / 2, label);
                }
            }
            doc.save(target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            closePage();
            doc.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void ensure(float height) {
        if (out == null || y - height < MARGIN + 14) newPage();
    }

    private void show(PDFont f, float fontSize, float x, float baseline, String text) {
        show(out, f, fontSize, x, baseline, text);
    }

    private float rowHeight(List<String> cells, float[] w, PDFont f, float fontSize) {
        int lines = 1;
        for (int i = 0; i < w.length; i++) {
            String cell = i < cells.size() ? cells.get(i) : "";
            lines = Math.max(lines, wrap(cell, f, fontSize, w[i] - 6).size());
        }
        return lines * fontSize * 1.3f + 6;
    }

    private void row(List<Column> columns, List<String> cells, float[] w, PDFont f, float fontSize, boolean header) {
        float h = rowHeight(cells, w, f, fontSize);
        try {
            if (header) {
                out.setNonStrokingColor(HEADER_FILL);
                out.addRect(MARGIN, y - h, width(), h);
                out.fill();
                out.setNonStrokingColor(Color.BLACK);
            }
            out.setStrokingColor(RULE);
            out.setLineWidth(0.5f);
            float x = MARGIN;
            for (int i = 0; i < w.length; i++) {
                out.addRect(x, y - h, w[i], h);
                String cell = i < cells.size() && cells.get(i) != null ? cells.get(i) : "";
                float line = y - 3 - fontSize;
                for (String part : wrap(cell, f, fontSize, w[i] - 6)) {
                    float tx = columns.get(i).right() && !header ? x + w[i] - 3 - widthOf(f, fontSize, part) : x + 3;
                    show(f, fontSize, tx, line, part);
                    line -= fontSize * 1.3f;
                }
                x += w[i];
            }
            out.stroke();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        y -= h;
    }

    private String printable(PDFont f, String text) {
        if (text == null) return "";
        // names pasted from Word or macOS arrive decomposed; the font's glyphs are the composed ones
        text = Normalizer.normalize(text, Normalizer.Form.NFC);
        Map<Integer, Boolean> known = glyphs.computeIfAbsent(f, k -> new HashMap<>());
        StringBuilder b = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (cp == '\t' || cp == '\r' || cp == '\n') cp = ' ';
            int c = cp;
            boolean ok = known.computeIfAbsent(c, k -> (f == bold ? BOLD_GLYPHS : REGULAR_GLYPHS).canDisplay(k));
            b.appendCodePoint(ok ? c : '?');
        });
        return b.toString();
    }

    private static java.awt.Font awt(byte[] ttf) {
        try {
            return java.awt.Font.createFont(java.awt.Font.TRUETYPE_FONT, new ByteArrayInputStream(ttf));
        } catch (java.awt.FontFormatException | IOException e) {
            throw new IllegalStateException("unreadable bundled font", e);
        }
    }

    private static byte[] font(String resource) {
        try (InputStream in = Pdf.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing font " + resource);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
