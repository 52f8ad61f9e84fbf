package vn.diemcau.floor;

import java.util.List;

/**
 * The floor now: who speaks (or null), the waiting queue in order, and whether the queue is closed
 * to new requests. Part of the live snapshot.
 */
public record FloorState(FloorRequestView speaking, List<FloorRequestView> queue, boolean queueClosed) {}
