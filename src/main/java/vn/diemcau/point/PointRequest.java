package vn.diemcau.point;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Create or edit a point. {@code name} defaults to the unit's name; on edit, {@code operators}
 * and {@code sortOrder} left out keep their current values.
 */
public record PointRequest(
        @Size(max = 300) String name,
        Long unitId,
        Boolean mainHall,
        @PositiveOrZero @Max(1_000_000) Integer expectedCount,
        @Size(max = 50) List<@NotBlank @Size(max = 200) String> operators,
        @PositiveOrZero @Max(1_000_000) Integer sortOrder,
        Long version) {}
