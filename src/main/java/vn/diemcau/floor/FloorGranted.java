package vn.diemcau.floor;

public record FloorGranted(long sessionId, FloorRequestView request) {}
