package vn.diemcau.point;

import java.time.Instant;
import java.util.List;

/** The current roll call: when it started and which points (main hall aside) have not answered yet. */
public record RollCallView(Instant startedAt, String startedBy, List<Long> answered, List<Long> pending) {}
