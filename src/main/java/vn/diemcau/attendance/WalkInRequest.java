package vn.diemcau.attendance;

import jakarta.validation.constraints.Size;

/** Someone not on the roster who came to the point: added as a delegate of it and checked in. */
public record WalkInRequest(
        @Size(max = 200) String fullName,
        @Size(max = 300) String position,
        @Size(max = 300) String unitName) {}
