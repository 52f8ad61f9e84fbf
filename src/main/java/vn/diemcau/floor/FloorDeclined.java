package vn.diemcau.floor;

public record FloorDeclined(long sessionId, FloorRequestView request) {}
