package vn.diemcau.document;

import java.util.Optional;

/**
 * One byte range of a representation (RFC 9110 §14): what a Range header asks of a file of
 * {@code size} bytes. Only single ranges are served; for several the whole file goes out (allowed).
 */
record HttpRange(long start, long length) {
    /** Thrown for a range that lies wholly past the end: the answer is 416. */
    static final class Unsatisfiable extends RuntimeException {
        Unsatisfiable() {
            super(null, null, false, false);
        }
    }

    long end() {
        return start + length - 1;
    }

    /**
     * Empty when the whole file should be sent (no header, not bytes, several ranges, or garbled:
     * a server may ignore a Range it does not understand).
     */
    static Optional<HttpRange> parse(String header, long size) {
        if (header == null) return Optional.empty();
        String h = header.strip();
        if (!h.regionMatches(true, 0, "bytes=", 0, 6)) return Optional.empty();
        String spec = h.substring(6).strip();
        if (spec.contains(",")) return Optional.empty();
        int dash = spec.indexOf('-');
        if (dash < 0) return Optional.empty();
        String first = spec.substring(0, dash).strip();
        String last = spec.substring(dash + 1).strip();
        try {
            if (first.isEmpty()) {
                if (last.isEmpty()) return Optional.empty();
                long suffix = Long.parseLong(last);
                if (suffix <= 0 || size == 0) throw new Unsatisfiable();
                long n = Math.min(suffix, size);
                return Optional.of(new HttpRange(size - n, n));
            }
            long start = Long.parseLong(first);
            long end = last.isEmpty() ? size - 1 : Long.parseLong(last);
            if (start < 0) return Optional.empty();
            if (start >= size) throw new Unsatisfiable();
            if (end < start) return Optional.empty();
            end = Math.min(end, size - 1);
            return Optional.of(new HttpRange(start, end - start + 1));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
