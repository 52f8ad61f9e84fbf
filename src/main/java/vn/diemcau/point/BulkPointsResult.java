package vn.diemcau.point;

import java.util.List;

/** The points created, and how many units were skipped because the session already had a point for them. */
public record BulkPointsResult(List<PointView> created, int skipped) {}
