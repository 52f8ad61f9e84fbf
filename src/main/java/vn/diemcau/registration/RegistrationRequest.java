package vn.diemcau.registration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A registration as the public form or a nominating operator sends it. The point is required
 * unless the link fixes it; a link's unit, when set, replaces {@code unitName}.
 */
public record RegistrationRequest(
        @NotBlank @Size(max = 200) String fullName,
        @Size(max = 300) String position,
        @Size(max = 300) String unitName,
        Long pointId,
        @Size(max = 40) String phone,
        @Size(max = 254) String email) {}
