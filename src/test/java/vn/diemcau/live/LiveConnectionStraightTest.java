package vn.diemcau.live;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.websocketx.WebSocket13FrameDecoder;
import io.netty.handler.codec.http.websocketx.WebSocket13FrameEncoder;
import io.netty.handler.timeout.IdleStateHandler;
import org.junit.jupiter.api.Test;

/**
 * Frames go straight to a socket only where that sends what the pipeline would: every handler
 * between the socket and the connection's place lets a prepared message through unchanged. TLS,
 * traffic shaping or any other handler that writes there keeps the frames in the pipeline.
 */
class LiveConnectionStraightTest {
    private final ChannelHandler connection = new ChannelInboundHandlerAdapter();

    @Test
    void aPlainWebSocketPipelineWritesStraightToItsSocket() {
        NioSocketChannel ch = new NioSocketChannel();
        try {
            ch.pipeline()
                    .addLast("idle", new IdleStateHandler(0, 0, 60))
                    .addLast("wsdecoder", new WebSocket13FrameDecoder(false, false, 65536))
                    .addLast("wsencoder", new WebSocket13FrameEncoder(false))
                    .addLast("handler", connection);
            assertNotNull(LiveConnection.straightOf(ch.pipeline().context(connection)));
            // from the idle timer's place, as the live connections write
            assertNotNull(LiveConnection.straightOf(ch.pipeline().context("idle")));
        } finally {
            ch.unsafe().closeForcibly();
        }
    }

    @Test
    void aHandlerThatWritesBelowTheConnectionKeepsFramesInThePipeline() {
        NioSocketChannel ch = new NioSocketChannel();
        try {
            ch.pipeline()
                    .addLast("ssl", new ChannelOutboundHandlerAdapter()) // as TLS would sit
                    .addLast("idle", new IdleStateHandler(0, 0, 60))
                    .addLast("handler", connection);
            assertNull(LiveConnection.straightOf(ch.pipeline().context(connection)));
            assertNull(LiveConnection.straightOf(ch.pipeline().context("idle")));
            // above the connection it does not matter: nothing written at the connection's place passes it
            ch.pipeline().remove("ssl");
            ch.pipeline().addLast("above", new ChannelOutboundHandlerAdapter());
            assertNotNull(LiveConnection.straightOf(ch.pipeline().context("idle")));
        } finally {
            ch.unsafe().closeForcibly();
        }
    }

    @Test
    void notOnNio() {
        EmbeddedChannel ch = new EmbeddedChannel(connection);
        assertNull(LiveConnection.straightOf(ch.pipeline().context(connection)));
        assertNull(LiveConnection.straightOf(null));
        ch.finishAndReleaseAll();
    }
}
