package vn.diemcau.roster;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Add or edit a delegate. Phone and e-mail are checked by {@link Contacts}, the same rules as the import. */
public record DelegateRequest(
        @NotBlank @Size(max = 200) String fullName,
        @Size(max = 300) String position,
        @Size(max = 300) String unitName,
        @Size(max = 100) String category,
        Long pointId,
        @Size(max = 40) String phone,
        @Size(max = 254) String email,
        @Size(max = 2000) String note,
        Long version) {}
