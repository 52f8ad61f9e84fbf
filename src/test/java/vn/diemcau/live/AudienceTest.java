package vn.diemcau.live;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Who gets which frame: phones, the main hall and big screen (every point), an operator's console (its points). */
class AudienceTest {
    static final long[] OVERSEER = null;
    static final long[] CONSOLE_3_AND_9 = {3, 9};

    @Test
    void phonesGetOnlyFramesForEveryoneAndTheBriefOnes() {
        assertTrue(Audience.EVERYONE.reaches(false, null));
        assertTrue(Audience.NOT_OVERSEERS.reaches(false, null));
        assertFalse(Audience.CONSOLES.reaches(false, null));
        for (Audience a : List.of(Audience.STAFF, Audience.OVERSEERS, Audience.points(List.of(3L))))
            assertFalse(a.reaches(false, null), a.kind().name());
    }

    @Test
    void theMainHallGetsEveryFrame() {
        for (Audience a : List.of(Audience.EVERYONE, Audience.STAFF, Audience.OVERSEERS, Audience.points(List.of(5L))))
            assertTrue(a.reaches(true, OVERSEER), a.kind().name());
        // … but the brief version of a frame whose full version it gets
        assertFalse(Audience.NOT_OVERSEERS.reaches(true, OVERSEER));
        assertFalse(Audience.CONSOLES.reaches(true, OVERSEER));
    }

    @Test
    void onlyThePhonesVersionWalksThePhonesSockets() {
        assertFalse(Audience.EVERYONE.staffOnly());
        assertFalse(Audience.NOT_OVERSEERS.staffOnly());
        for (Audience a : List.of(Audience.STAFF, Audience.OVERSEERS, Audience.CONSOLES, Audience.points(List.of(5L))))
            assertTrue(a.staffOnly(), a.kind().name());
    }

    @Test
    void aConsoleGetsStaffFramesAndThoseNamingOneOfItsPointsButNotTheSessionsCounts() {
        assertTrue(Audience.EVERYONE.reaches(true, CONSOLE_3_AND_9));
        assertTrue(Audience.STAFF.reaches(true, CONSOLE_3_AND_9));
        assertFalse(Audience.OVERSEERS.reaches(true, CONSOLE_3_AND_9));
        assertTrue(Audience.points(List.of(12L, 9L, 1L)).reaches(true, CONSOLE_3_AND_9));
        assertTrue(Audience.points(List.of(3L)).reaches(true, CONSOLE_3_AND_9));
        assertFalse(Audience.points(List.of(1L, 4L, 8L, 10L)).reaches(true, CONSOLE_3_AND_9));
        assertFalse(Audience.points(List.of()).reaches(true, CONSOLE_3_AND_9));
        // the brief version of poll results, whether or not phones get it too
        assertTrue(Audience.NOT_OVERSEERS.reaches(true, CONSOLE_3_AND_9));
        assertTrue(Audience.CONSOLES.reaches(true, CONSOLE_3_AND_9));
        // an operator whose console runs no point of this session gets no point's frames
        assertFalse(Audience.points(List.of(3L)).reaches(true, new long[0]));
    }

    @Test
    void flagsRoundTrip() {
        for (Audience a : List.of(
                Audience.EVERYONE, Audience.STAFF, Audience.OVERSEERS, Audience.NOT_OVERSEERS, Audience.CONSOLES))
            assertEquals(a, Audience.ofFlag(a.flag()));
        Audience points = Audience.points(List.of(42L, 7L, 42L));
        assertEquals("P7,42", points.flag());
        assertArrayEquals(new long[] {7, 42}, Audience.ofFlag(points.flag()).points());
        assertArrayEquals(
                new long[0], Audience.ofFlag(Audience.points(List.of()).flag()).points());
        assertThrows(IllegalArgumentException.class, () -> Audience.ofFlag("Z"));
    }
}
