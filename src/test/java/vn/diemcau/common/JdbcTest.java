package vn.diemcau.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Long IN lists go in consecutive parts of at most IN_LIMIT, every value once, in order. */
class JdbcTest {
    private static List<Integer> upTo(int n) {
        return IntStream.range(0, n).boxed().toList();
    }

    @Test
    void partsAreBoundedConsecutiveAndCoverEveryValueOnce() {
        assertEquals(List.of(), Jdbc.inParts(upTo(0)));
        assertEquals(List.of(upTo(Jdbc.IN_LIMIT)), Jdbc.inParts(upTo(Jdbc.IN_LIMIT)));
        List<List<Integer>> parts = Jdbc.inParts(upTo(2 * Jdbc.IN_LIMIT + 1));
        assertEquals(
                List.of(Jdbc.IN_LIMIT, Jdbc.IN_LIMIT, 1),
                parts.stream().map(List::size).toList());
        assertEquals(
                upTo(2 * Jdbc.IN_LIMIT + 1),
                parts.stream().flatMap(List::stream).toList());
    }
}
