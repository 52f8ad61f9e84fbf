package vn.diemcau.floor;

public record FloorWithdrawn(long sessionId, FloorRequestView request) {}
