package vn.diemcau.session;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;

/** Copy an earlier session: new title and times; points, agenda and roster are carried over. */
public record SessionCopyRequest(
        @NotBlank @Size(max = 500) String title,
        OffsetDateTime startsAt,
        OffsetDateTime endsAt,
        Boolean includeRoster) {}
