package vn.diemcau.floor;

import java.util.List;

/** The waiting queue in its new order. */
public record FloorReordered(long sessionId, List<FloorRequestView> queue) {}
