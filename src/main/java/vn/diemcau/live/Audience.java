package vn.diemcau.live;

import java.util.Arrays;
import java.util.Collection;

/**
 * Who receives a frame. Participants get only {@link #EVERYONE} and {@link #NOT_OVERSEERS} frames. Organizers and observers
 * (the main hall, the big screen: they oversee every point) get every frame. An operator who is
 * neither runs only the consoles of their own points: {@link #STAFF} frames, and {@link #points}
 * frames that name one of their points; not the session-wide counts. At a province's 2,000 points
 * (a nation's 31,000) every console receiving every point's change would cost consoles times
 * points frames, and a console shows its own point only.
 */
record Audience(Kind kind, long[] points) {
    enum Kind {
        EVERYONE,
        STAFF,
        OVERSEERS,
        POINTS,
        NOT_OVERSEERS,
        CONSOLES
    }

    static final Audience EVERYONE = new Audience(Kind.EVERYONE, null);
    /** Every staff screen: organizers, observers and operators (the roll call, hidden poll results). */
    static final Audience STAFF = new Audience(Kind.STAFF, null);
    /**
     * Phones and operators' consoles: the brief version of a frame whose full version goes to the
     * {@link #OVERSEERS} (poll results without each point's part).
     */
    static final Audience NOT_OVERSEERS = new Audience(Kind.NOT_OVERSEERS, null);
    /** Operators' consoles only (the brief version of a staff-only frame, as {@link #NOT_OVERSEERS}). */
    static final Audience CONSOLES = new Audience(Kind.CONSOLES, null);
    /** Organizers and observers only (the session's attendance counts). */
    static final Audience OVERSEERS = new Audience(Kind.OVERSEERS, null);

    /** Organizers and observers, and the operators of any of these points. */
    static Audience points(Collection<Long> pointIds) {
        return new Audience(
                Kind.POINTS,
                pointIds.stream().mapToLong(Long::longValue).sorted().distinct().toArray());
    }

    boolean staffOnly() {
        return kind != Kind.EVERYONE && kind != Kind.NOT_OVERSEERS;
    }

    /**
     * Whether a connection receives the frame: {@code staff} false for a participant; {@code
     * operated} the sorted points of an operator's console, null for whoever oversees every point.
     */
    boolean reaches(boolean staff, long[] operated) {
        return switch (kind) {
            case EVERYONE -> true;
            case NOT_OVERSEERS -> !staff || operated != null;
            case CONSOLES -> staff && operated != null;
            case STAFF -> staff;
            case OVERSEERS -> staff && operated == null;
            case POINTS -> staff && (operated == null || intersect(points, operated));
        };
    }

    private static boolean intersect(long[] a, long[] b) {
        int i = 0, j = 0;
        while (i < a.length && j < b.length) {
            if (a[i] == b[j]) return true;
            if (a[i] < b[j]) i++;
            else j++;
        }
        return false;
    }

    /**
     * As kept beside a frame in a shared stream (Redis): {@code A}, {@code S}, {@code O}, {@code N}
     * (not the overseers), {@code C} (consoles) or {@code P1,2,3}.
     */
    String flag() {
        return switch (kind) {
            case EVERYONE -> "A";
            case STAFF -> "S";
            case OVERSEERS -> "O";
            case NOT_OVERSEERS -> "N";
            case CONSOLES -> "C";
            case POINTS ->
                "P"
                        + String.join(
                                ",",
                                Arrays.stream(points).mapToObj(Long::toString).toList());
        };
    }

    /** The audience a {@link #flag} names. */
    static Audience ofFlag(String flag) {
        return switch (flag.charAt(0)) {
            case 'A' -> EVERYONE;
            case 'S' -> STAFF;
            case 'O' -> OVERSEERS;
            case 'N' -> NOT_OVERSEERS;
            case 'C' -> CONSOLES;
            case 'P' ->
                new Audience(
                        Kind.POINTS,
                        flag.length() == 1
                                ? new long[0]
                                : Arrays.stream(flag.substring(1).split(","))
                                        .mapToLong(Long::parseLong)
                                        .toArray());
            default -> throw new IllegalArgumentException("unknown audience " + flag);
        };
    }
}
