package vn.diemcau.point;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import vn.diemcau.unit.UnitLevel;

/** One point for every unit of {@code level} anywhere below {@code parentUnitId}. */
public record BulkPointsRequest(
        @NotNull Long parentUnitId,
        @NotNull UnitLevel level,
        @PositiveOrZero @Max(1_000_000) Integer expectedCount) {}
