package vn.diemcau.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocket13FrameDecoder;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A frame's prepared message is what a client's WebSocket decoder reads back as the same text: one
 * text frame up to {@link LiveConnection#MAX_FRAME} bytes of payload, a text frame and
 * continuations beyond, each with the right length form (7 bits, 16 bits, 64 bits), unmasked.
 */
class FrameTest {
    /** Decodes as a client does (server frames carry no mask), in as many frames as were sent. */
    private static List<WebSocketFrame> decode(ByteBuf wire) {
        EmbeddedChannel client = new EmbeddedChannel(new WebSocket13FrameDecoder(WebSocketDecoderConfig.newBuilder()
                .expectMaskedFrames(false)
                .maxFramePayloadLength(1 << 20)
                .build()));
        client.writeInbound(wire.duplicate());
        List<WebSocketFrame> frames = new ArrayList<>();
        for (Object o; (o = client.readInbound()) != null; ) frames.add((WebSocketFrame) o);
        assertFalse(client.finish() && client.readInbound() != null);
        return frames;
    }

    /** The message's text: its fragments' bytes joined, then read as UTF-8 (a fragment may end inside a character). */
    private static String text(List<WebSocketFrame> frames) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (WebSocketFrame f : frames) bytes.writeBytes(ByteBufUtil.getBytes(f.content()));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aShortVietnameseTextIsOneTextFrameWithASevenBitLength() {
        String text = "{\"type\":\"agenda.item_extended\",\"title\":\"Phát biểu của đồng chí Chủ tịch\"}";
        Frame f = new Frame(7, text);
        assertTrue(f.wire().isDirect());
        int bytes = text.getBytes(StandardCharsets.UTF_8).length;
        assertTrue(bytes < 126);
        assertEquals(2 + bytes, f.wire().readableBytes());
        List<WebSocketFrame> frames = decode(f.wire());
        assertEquals(1, frames.size());
        assertInstanceOf(TextWebSocketFrame.class, frames.get(0));
        assertTrue(frames.get(0).isFinalFragment());
        assertEquals(text, text(frames));
    }

    @Test
    void lengthsAtTheEdgesOfEachFormDecode() {
        for (int n : new int[] {0, 125, 126, 65535, LiveConnection.MAX_FRAME}) {
            String text = "x".repeat(n);
            List<WebSocketFrame> frames = decode(new Frame(1, text).wire());
            assertEquals(1, frames.size(), "payload " + n);
            assertTrue(frames.get(0).isFinalFragment());
            assertTrue(text.equals(text(frames)), "payload " + n + " does not read back");
        }
    }

    @Test
    void aTextLongerThanOneFrameGoesAsATextFrameAndContinuations() {
        String text = "ắ".repeat(70_000); // 3 bytes each: 210,000 bytes, four fragments
        List<WebSocketFrame> frames = decode(new Frame(1, text).wire());
        assertEquals(4, frames.size());
        assertInstanceOf(TextWebSocketFrame.class, frames.get(0));
        for (int i = 1; i < 4; i++) assertInstanceOf(ContinuationWebSocketFrame.class, frames.get(i));
        for (int i = 0; i < 4; i++) assertEquals(i == 3, frames.get(i).isFinalFragment());
        assertTrue(text.equals(text(frames)), "the fragments joined are not the text");
    }

    @Test
    void writingAViewLeavesTheSharedBytesIntact() {
        Frame f = new Frame(1, "{\"seq\":1}");
        ByteBuf view = f.wire().duplicate();
        view.release(); // what Netty does once it has written it
        view.skipBytes(view.readableBytes());
        assertEquals(11, f.wire().readableBytes());
        assertEquals("{\"seq\":1}", text(decode(f.wire())));
    }
}
