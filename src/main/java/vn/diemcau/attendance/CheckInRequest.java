package vn.diemcau.attendance;

import jakarta.validation.constraints.Size;

/**
 * Check a delegate in at a point: by roster id (one tap) or by the invitation token a scanned QR
 * carries (the link's last segment, or the whole link). A substitute attends in their place.
 */
public record CheckInRequest(
        Long delegateId,
        @Size(max = 2000) String token,
        @Size(max = 200) String substituteName,
        @Size(max = 300) String substitutePosition) {}
