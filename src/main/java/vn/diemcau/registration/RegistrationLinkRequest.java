package vn.diemcau.registration;

import jakarta.validation.constraints.Size;

/** A new registration link: for a point, for a unit (its name), both, or neither (anyone picks a point). */
public record RegistrationLinkRequest(
        Long pointId,
        @Size(max = 300) String unitName,
        @Size(max = 300) String label) {}
