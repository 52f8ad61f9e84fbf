package vn.diemcau.floor;

import java.time.Instant;

/** The main hall closed ({@code closed}) or reopened the queue to new requests to speak. */
public record FloorQueueChanged(long sessionId, boolean closed, String by, Instant at) {}
