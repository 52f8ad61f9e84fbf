package vn.diemcau.unit;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

public record UnitRequest(
        Long parentId,
        @Size(max = 40) String code,
        @NotBlank @Size(max = 300) String name,
        @NotNull UnitLevel level,
        Long version) {}
