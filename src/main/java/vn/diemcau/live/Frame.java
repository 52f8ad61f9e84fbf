package vn.diemcau.live;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * One event as it goes on the wire: serialised once, the same text for every connection of its
 * {@link Audience} (not for participants, e.g. the results of a poll that hides them), and
 * encoded once: {@code payload} holds its UTF-8 bytes, {@code wire} the whole WebSocket message as
 * a server sends it (unmasked text frame, continuation frames past {@link LiveConnection#MAX_FRAME}
 * bytes), in native memory, and {@code bytes} the same memory as the JDK's buffer, for writes
 * straight to a socket. Every connection writes a view of the same bytes.
 */
record Frame(long seq, String text, Audience audience, ByteBuf payload, ByteBuf wire, ByteBuffer bytes) {
    Frame(long seq, String text, Audience audience) {
        this(seq, text, audience, text.getBytes(StandardCharsets.UTF_8));
    }

    Frame(long seq, String text) {
        this(seq, text, Audience.EVERYONE);
    }

    private Frame(long seq, String text, Audience audience, byte[] utf8) {
        this(seq, text, audience, utf8, wire(utf8));
    }

    private Frame(long seq, String text, Audience audience, byte[] utf8, ByteBuffer wire) {
        this(
                seq,
                text,
                audience,
                unreleasable(Unpooled.wrappedBuffer(utf8)),
                unreleasable(Unpooled.wrappedBuffer(wire)),
                wire);
    }

    /** Not for participants. */
    boolean staffOnly() {
        return audience.staffOnly();
    }

    /**
     * The UTF-8 text as WebSocket frames, header and payload, ready to be written to any socket
     * that negotiated no extension (RFC 6455 §5.2: FIN, opcode 1 then 0, no mask from a server).
     * Native memory, so it goes to the socket without a copy; the JDK frees it with the frame (it is
     * never released, see {@link #unreleasable}). Read only through views ({@code duplicate()}).
     */
    static ByteBuffer wire(byte[] utf8) {
        return wire(utf8, ByteBuffer.allocateDirect(wireSize(utf8)));
    }

    /**
     * A message for one connection (an ack, a rejection) as {@link #wire(byte[])} encodes it, on the
     * heap: the JDK copies it to the socket through its own per-thread native buffer, which is cheaper
     * for bytes written once than native memory of their own.
     */
    static ByteBuffer wireOnHeap(String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        return wire(utf8, ByteBuffer.allocate(wireSize(utf8)));
    }

    private static int wireSize(byte[] utf8) {
        int fragments = Math.max(1, (utf8.length + LiveConnection.MAX_FRAME - 1) / LiveConnection.MAX_FRAME);
        return utf8.length + 10 * fragments;
    }

    private static ByteBuffer wire(byte[] utf8, ByteBuffer b) {
        int at = 0;
        do {
            int length = Math.min(LiveConnection.MAX_FRAME, utf8.length - at);
            boolean last = at + length == utf8.length;
            b.put((byte) ((last ? 0x80 : 0) | (at == 0 ? 0x1 : 0x0)));
            if (length < 126) b.put((byte) length);
            else if (length < 65536) b.put((byte) 126).putShort((short) length);
            else b.put((byte) 127).putLong(length);
            b.put(utf8, at, length);
            at += length;
        } while (at < utf8.length);
        return b.flip();
    }

    /**
     * Netty releases what it has written: each write gets its own {@code duplicate()}, which shares
     * the bytes, not the read position, and whose release does nothing.
     */
    private static ByteBuf unreleasable(ByteBuf b) {
        return Unpooled.unreleasableBuffer(b);
    }
}
