package vn.diemcau.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import vn.diemcau.security.CurrentUser;

/**
 * A connection waiting for its snapshot keeps the frames published meanwhile. Frames it would never
 * get (staff-only, for a phone) are not kept, and waiting is not being slow: only past
 * {@link LiveConnection#HOLD_LIMIT} is it closed (4008, to resume with a fresh snapshot).
 */
class LiveConnectionHoldTest {
    /** The socket's side we look at: what it was closed with. The frames themselves are not sent here. */
    private final List<Integer> closedWith = new ArrayList<>();

    private final WebSocketConnection socket = (WebSocketConnection) Proxy.newProxyInstance(
            getClass().getClassLoader(), new Class<?>[] {WebSocketConnection.class}, (proxy, method, args) -> {
                switch (method.getName()) {
                    case "close" -> {
                        closedWith.add(((CloseReason) args[0]).getCode());
                        return Uni.createFrom().voidItem();
                    }
                    case "id" -> {
                        return "test";
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                }
            });

    private LiveConnection phone() {
        // send queue 32 as in the test profile; a participant (not staff)
        return new LiveConnection(
                socket,
                1,
                Locale.ROOT,
                32,
                Long.MAX_VALUE,
                new LiveConnection.Caller("invitation", "hash", new CurrentUser.Invitee(1, 1, null)),
                false,
                null,
                false);
    }

    @Test
    void aPhoneWaitingForItsSnapshotIgnoresStaffOnlyFramesAndIsNotCalledSlow() {
        LiveConnection c = phone();
        c.hold();
        // 2,000 consoles come online: their state changes are staff-only
        for (int seq = 1; seq <= 2_000; seq++) c.offer(new Frame(seq, "{\"seq\":" + seq + "}", Audience.STAFF));
        // more frames for everyone than the send queue holds, still fewer than the hold limit
        for (int seq = 2_001; seq <= 2_100; seq++) c.offer(new Frame(seq, "{\"seq\":" + seq + "}", Audience.EVERYONE));
        assertFalse(c.closing());
        assertTrue(closedWith.isEmpty());
    }

    @Test
    void pastTheHoldLimitItIsClosedToResumeWithAFreshSnapshot() {
        LiveConnection c = phone();
        c.hold();
        for (int seq = 1; seq <= LiveConnection.HOLD_LIMIT + 1; seq++)
            c.offer(new Frame(seq, "{\"seq\":" + seq + "}", Audience.EVERYONE));
        assertTrue(c.closing());
        assertEquals(List.of(LiveConnection.CLOSE_TOO_SLOW), closedWith);
    }
}
