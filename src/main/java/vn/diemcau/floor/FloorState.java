package vn.diemcau.floor;

import java.util.List;

/** The floor now: who speaks (or null) and the waiting queue in order. Part of the live snapshot. */
public record FloorState(FloorRequestView speaking, List<FloorRequestView> queue) {}
