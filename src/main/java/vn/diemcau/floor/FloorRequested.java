package vn.diemcau.floor;

public record FloorRequested(long sessionId, FloorRequestView request) {}
