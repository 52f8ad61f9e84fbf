package vn.diemcau.attendance;

/** The number of people in the room, counted by the operator. */
public record RoomCountRequest(int present) {}
