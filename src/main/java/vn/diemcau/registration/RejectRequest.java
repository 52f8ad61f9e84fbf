package vn.diemcau.registration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why a registration is rejected: the registrant reads it on their status page. */
public record RejectRequest(@NotBlank @Size(max = 1000) String reason) {}
