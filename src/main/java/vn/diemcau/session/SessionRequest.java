package vn.diemcau.session;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;

/**
 * Create or edit a session. Times carry their offset (the UI sends +07:00); they are stored in UTC.
 * {@code version} (from the last read) guards against overwriting someone else's edit.
 */
public record SessionRequest(
        @NotBlank @Size(max = 500) String title,
        @NotNull SessionKind kind,
        @Size(max = 4000) String description,
        Long hostUnitId,
        @Size(max = 500) String location,
        OffsetDateTime startsAt,
        OffsetDateTime endsAt,

        @Size(max = 1000) @Pattern(regexp = "^(https?://\\S+)?$", message = "{diemcau.url}")
        String videoLink,

        Long version) {}
