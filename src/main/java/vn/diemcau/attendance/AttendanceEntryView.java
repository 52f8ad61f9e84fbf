package vn.diemcau.attendance;

import java.time.Instant;

/** A delegate with their attendance, as the check-in panel lists them. */
public record AttendanceEntryView(
        long delegateId,
        String fullName,
        String position,
        String unitName,
        Long pointId,
        AttendanceStatus status,
        CheckInMethod method,
        Long checkedInPointId,
        Instant recordedAt,
        String recordedBy,
        String substituteName,
        String substitutePosition,
        String absenceReason) {}
