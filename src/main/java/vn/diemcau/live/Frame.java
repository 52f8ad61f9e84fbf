package vn.diemcau.live;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;

/**
 * One event as it goes on the wire: serialised once, the same text for every connection
 * ({@code staffOnly}: not for participants, e.g. the results of a poll that hides them), and
 * encoded once to UTF-8 ({@code payload}): every connection writes a view of the same bytes.
 */
record Frame(long seq, String text, boolean staffOnly, ByteBuf payload) {
    Frame(long seq, String text, boolean staffOnly) {
        this(seq, text, staffOnly, encode(text));
    }

    Frame(long seq, String text) {
        this(seq, text, false);
    }

    /**
     * The UTF-8 bytes, never released (Netty releases what it has written: each write gets its own
     * {@code duplicate()}, which shares the bytes, not the read position, and survives the release).
     */
    static ByteBuf encode(String text) {
        return Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(text.getBytes(StandardCharsets.UTF_8)));
    }
}
