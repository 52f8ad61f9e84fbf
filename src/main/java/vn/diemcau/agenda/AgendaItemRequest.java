package vn.diemcau.agenda;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;

/**
 * Create or edit an agenda item. {@code plannedStart} null means "right after the previous item";
 * {@code version} (from the last read) guards against overwriting someone else's edit.
 */
public record AgendaItemRequest(
        @NotBlank @Size(max = 500) String title,
        @Size(max = 300) String presenter,
        OffsetDateTime plannedStart,
        @NotNull @Min(1) @Max(600) Integer durationMinutes,
        @Size(max = 4000) String notes,
        Long version) {}
