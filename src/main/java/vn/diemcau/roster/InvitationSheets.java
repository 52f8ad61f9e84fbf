package vn.diemcau.roster;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import vn.diemcau.audit.AuditService;
import vn.diemcau.common.ClockProducer;
import vn.diemcau.common.Pdf;
import vn.diemcau.common.ProblemException;
import vn.diemcau.common.Qr;
import vn.diemcau.point.Point;
import vn.diemcau.point.PointService;
import vn.diemcau.security.Access;
import vn.diemcau.security.CurrentUser;
import vn.diemcau.session.Session;
import vn.diemcau.session.SessionService;

/**
 * Invitation cards to print and hand out: per delegate a QR of their personal link. A delegate
 * without a current invitation gets one issued; {@code renew} issues new tokens for everyone on the
 * sheet, so every earlier link and printed card of the point stops working.
 */
@ApplicationScoped
class InvitationSheets {
    static final int COLUMNS = 2;
    static final int ROWS = 4;
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    @Inject
    DelegateService delegates;

    @Inject
    SessionService sessions;

    @Inject
    PointService points;

    @Inject
    Access access;

    @Inject
    CurrentUser user;

    @Inject
    AuditService audit;

    /** One card's content. */
    record Card(String fullName, String position, String unitName, String url) {}

    /** The QR of a delegate's current invitation (never issues one: a GET changes nothing). */
    @Transactional
    public String invitationUrl(long sessionId, long delegateId) {
        sessions.require(sessionId);
        DelegateService.require(sessionId, delegateId);
        return delegates
                .currentInvitation(sessionId, delegateId)
                .orElseThrow(() -> ProblemException.conflict("invitation.not-issued"))
                .url();
    }

    /** The printed cards of one point, and the point's name for the file name. */
    public record Sheet(String pointName, byte[] pdf) {}

    @Transactional
    public Sheet sheet(long sessionId, long pointId, boolean renew) {
        Session s = sessions.require(sessionId);
        Point p = points.require(sessionId, pointId);
        access.requireOperate(sessionId, pointId);
        if (renew && !user.isOrganizer()) throw ProblemException.forbidden("invitation.renew-organizer-only");
        List<Delegate> ds =
                Delegate.list("pointId = ?1 and sessionId = ?2" + DelegateService.ORDER, pointId, sessionId);
        List<Card> cards = new ArrayList<>();
        for (Delegate d : ds) {
            if (renew) delegates.revokeInvitation(sessionId, d.id);
            InvitationView inv = delegates.issueInvitation(sessionId, d.id);
            cards.add(new Card(d.fullName, d.position, d.unitName, inv.url()));
        }
        audit.record(
                sessionId,
                pointId,
                renew ? "delegate.invitation.sheet-renewed" : "delegate.invitation.sheet",
                "point",
                pointId,
                p.name + ": " + cards.size() + (renew ? " invitations renewed" : " invitations printed"));
        return new Sheet(p.name, render(s, p.name, cards));
    }

    static byte[] render(Session s, String pointName, List<Card> cards) {
        String when = when(s.startsAt, s.endsAt);
        try (Pdf pdf = Pdf.a4("Giấy mời — " + pointName)) {
            if (cards.isEmpty()) {
                pdf.heading("Giấy mời — " + s.title).text(pointName).text("Điểm cầu chưa có đại biểu.");
                return pdf.toBytes();
            }
            pdf.closePage();
            float pageW = pdf.pageSize().getWidth();
            float pageH = pdf.pageSize().getHeight();
            float cardW = (pageW - 2 * Pdf.MARGIN) / COLUMNS;
            float cardH = (pageH - 2 * Pdf.MARGIN) / ROWS;
            PDPageContentStream out = null;
            try {
                for (int i = 0; i < cards.size(); i++) {
                    int slot = i % (COLUMNS * ROWS);
                    if (slot == 0) {
                        if (out != null) out.close();
                        PDPage page = new PDPage(pdf.pageSize());
                        pdf.document().addPage(page);
                        out = new PDPageContentStream(pdf.document(), page);
                    }
                    float x = Pdf.MARGIN + (slot % COLUMNS) * cardW;
                    float top = pageH - Pdf.MARGIN - (float) (slot / COLUMNS) * cardH;
                    card(pdf, out, cards.get(i), s.title, when, pointName, x, top, cardW, cardH);
                }
            } finally {
                if (out != null) out.close();
            }
            return pdf.toBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** "08:00 – 11:30 ngày 03/12/2026", Vietnam time; null when the session has no time yet. */
    static String when(Instant startsAt, Instant endsAt) {
        if (startsAt == null) return null;
        var start = startsAt.atZone(ClockProducer.ZONE);
        String hours =
                HOUR.format(start) + (endsAt == null ? "" : " – " + HOUR.format(endsAt.atZone(ClockProducer.ZONE)));
        return hours + " ngày " + DAY.format(start);
    }

    private static void card(
            Pdf pdf,
            PDPageContentStream out,
            Card c,
            String title,
            String when,
            String pointName,
            float x,
            float top,
            float w,
            float h)
            throws IOException {
        float pad = 10;
        // dashed cutting lines around the card
        out.setStrokingColor(new Color(0xB0, 0xB0, 0xB0));
        out.setLineWidth(0.5f);
        out.setLineDashPattern(new float[] {3, 3}, 0);
        out.addRect(x, top - h, w, h);
        out.stroke();
        out.setLineDashPattern(new float[] {}, 0);
        out.setNonStrokingColor(Color.BLACK);

        PDFont bold = pdf.bold();
        PDFont regular = pdf.regular();
        // who: across the whole card, so long names stay on one line
        float full = w - 2 * pad;
        float y = top - pad;
        y = lines(pdf, out, bold, 8, "GIẤY MỜI", x + pad, y, full, 1);
        y -= 2;
        y = lines(pdf, out, bold, 12, c.fullName(), x + pad, y, full, 2);
        y = lines(pdf, out, regular, 8.5f, c.position(), x + pad, y, full, 1);
        y = lines(pdf, out, regular, 8.5f, c.unitName(), x + pad, y, full, 1);
        y -= 4;
        // what and where on the left, the QR on the right
        float qr = Math.min(y - (top - h) - pad - 10, w * 0.4f);
        PDImageXObject img = LosslessFactory.createFromImage(
                pdf.document(), javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(Qr.png(c.url(), 300))));
        out.drawImage(img, x + w - pad - qr, y - qr, qr, qr);
        String hint = "Quét mã để điểm danh";
        float hw = pdf.widthOf(regular, 7, hint);
        pdf.show(out, regular, 7, x + w - pad - qr / 2 - hw / 2, y - qr - 8, hint);
        float textW = w - 3 * pad - qr;
        y = lines(pdf, out, bold, 8.5f, title, x + pad, y, textW, 4);
        y -= 2;
        y = lines(pdf, out, regular, 8.5f, when, x + pad, y, textW, 2);
        y -= 2;
        lines(pdf, out, regular, 8.5f, "Điểm cầu: " + pointName, x + pad, y, textW, 3);
    }

    /** Wrapped text from {@code y} down, at most {@code max} lines (the last one cut with "…"). */
    private static float lines(
            Pdf pdf, PDPageContentStream out, PDFont f, float size, String text, float x, float y, float w, int max) {
        if (text == null || text.isBlank()) return y;
        List<String> ls = pdf.wrap(text, f, size, w);
        for (int i = 0; i < ls.size() && i < max; i++) {
            String line = ls.get(i);
            if (i == max - 1 && ls.size() > max) line = line.replaceAll(".$", "…");
            pdf.show(out, f, size, x, y - size, line);
            y -= size * 1.3f;
        }
        return y;
    }
}
