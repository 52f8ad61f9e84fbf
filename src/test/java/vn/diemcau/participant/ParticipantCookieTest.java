package vn.diemcau.participant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.core.NewCookie;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ParticipantCookieTest {
    static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");

    @Test
    void cookieLastsAMonthPastTheSessionEndAndAtLeastADay() {
        Instant end = Instant.parse("2026-12-03T04:30:00Z");
        assertEquals(Duration.between(NOW, end).plusDays(30).toSeconds(), ParticipantResource.maxAge(NOW, end));
        assertEquals(Duration.ofDays(180).toSeconds(), ParticipantResource.maxAge(NOW, null));
        // a long-ended session: still a day, so opening an old link does not fail oddly
        assertEquals(Duration.ofDays(1).toSeconds(), ParticipantResource.maxAge(NOW, NOW.minus(Duration.ofDays(400))));
    }

    @Test
    void cookieIsHttpOnlyLaxAndSecureWhenConfigured() {
        NewCookie c = ParticipantResource.cookie("dci_x", 60, true);
        assertEquals("dc_invitation", c.getName());
        assertEquals("/", c.getPath());
        assertTrue(c.isHttpOnly());
        assertTrue(c.isSecure());
        assertEquals(NewCookie.SameSite.LAX, c.getSameSite());
        assertEquals(false, ParticipantResource.cookie("dci_x", 60, false).isSecure());
    }
}
