package vn.diemcau.attendance;

import jakarta.validation.constraints.Size;

/** Vắng có lý do: the delegate will not come, for this reason. */
public record AbsenceRequest(
        long delegateId, @Size(max = 500) String reason) {}
