package vn.diemcau.registration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.List;

/**
 * Open or close registration, its deadline, and capacities per point ({@code capacities} null:
 * unchanged; a point with capacity null takes any number).
 */
public record RegistrationSettingsRequest(
        boolean accepting, Instant deadline, List<@Valid @NotNull PointCapacity> capacities, Long version) {

    public record PointCapacity(
            @NotNull Long pointId, @Min(0) @Max(100000) Integer capacity) {}
}
