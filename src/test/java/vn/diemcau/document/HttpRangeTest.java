package vn.diemcau.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class HttpRangeTest {
    @Test
    void singleRangesOfEveryForm() {
        assertEquals(Optional.of(new HttpRange(0, 100)), HttpRange.parse("bytes=0-99", 1000));
        assertEquals(Optional.of(new HttpRange(100, 900)), HttpRange.parse("bytes=100-", 1000));
        assertEquals(Optional.of(new HttpRange(950, 50)), HttpRange.parse("bytes=-50", 1000));
        // past the end is cut to the end; a suffix longer than the file is the whole file
        assertEquals(Optional.of(new HttpRange(900, 100)), HttpRange.parse("bytes=900-5000", 1000));
        assertEquals(Optional.of(new HttpRange(0, 1000)), HttpRange.parse("bytes=-5000", 1000));
        assertEquals(999, HttpRange.parse("BYTES=10-999", 1000).orElseThrow().end());
    }

    @Test
    void whatIsNotUnderstoodServesTheWholeFile() {
        for (String h :
                new String[] {null, "items=0-1", "bytes=0-1,5-9", "bytes=x-", "bytes=9-3", "bytes=-", "bytes"}) {
            assertEquals(Optional.empty(), HttpRange.parse(h, 1000), h);
        }
    }

    @Test
    void aRangeWhollyPastTheEndIsUnsatisfiable() {
        assertThrows(HttpRange.Unsatisfiable.class, () -> HttpRange.parse("bytes=1000-", 1000));
        assertThrows(HttpRange.Unsatisfiable.class, () -> HttpRange.parse("bytes=-0", 1000));
        assertThrows(HttpRange.Unsatisfiable.class, () -> HttpRange.parse("bytes=0-", 0));
    }
}
