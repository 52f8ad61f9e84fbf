package vn.diemcau.common;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * QR codes of links (invitations), as PNG for screens and PDFs and as SVG for print shops. Error
 * correction M: a printed card survives a fold or a smudge, and a link still fits a small code.
 */
public final class Qr {
    /** Modules of white around the code, as the standard asks (4), so phone cameras find it. */
    private static final int QUIET_ZONE = 4;

    private Qr() {}

    /** The code's modules, quiet zone included: {@code true} is a dark module. */
    public static BitMatrix matrix(String text) {
        try {
            // size 0: one pixel per module, the code's own size
            return new QRCodeWriter()
                    .encode(
                            text,
                            BarcodeFormat.QR_CODE,
                            0,
                            0,
                            Map.of(
                                    EncodeHintType.ERROR_CORRECTION,
                                    ErrorCorrectionLevel.M,
                                    EncodeHintType.MARGIN,
                                    QUIET_ZONE,
                                    EncodeHintType.CHARACTER_SET,
                                    "UTF-8"));
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot encode as QR: " + text.length() + " characters", e);
        }
    }

    /** A black-on-white PNG of about {@code minPixels} square (whole pixels per module, so it stays sharp). */
    public static byte[] png(String text, int minPixels) {
        BitMatrix m = matrix(text);
        int scale = Math.max(1, (int) Math.ceil((double) minPixels / m.getWidth()));
        int size = m.getWidth() * scale;
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_BINARY);
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                img.setRGB(x, y, m.get(x / scale, y / scale) ? 0xFF000000 : 0xFFFFFFFF);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A scalable SVG: one path of unit squares, crisp at any print size. */
    public static String svg(String text) {
        BitMatrix m = matrix(text);
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < m.getHeight(); y++) {
            for (int x = 0; x < m.getWidth(); x++) {
                if (m.get(x, y))
                    path.append('M').append(x).append(' ').append(y).append("h1v1h-1z");
            }
        }
        int n = m.getWidth();
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + n + " " + n
                + "\" shape-rendering=\"crispEdges\"><rect width=\"" + n + "\" height=\"" + n
                + "\" fill=\"#fff\"/><path fill=\"#000\" d=\"" + path + "\"/></svg>";
    }
}
