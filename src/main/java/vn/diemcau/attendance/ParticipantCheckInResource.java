package vn.diemcau.attendance;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.diemcau.security.Roles;

/**
 * A delegate checks themself in from the page their invitation link (or QR) opened, by tapping
 * "Điểm danh". Not on opening: a link opened at home the day before must not count as present.
 */
@Path("/api/participant/check-in")
@Tag(name = "Participant")
public class ParticipantCheckInResource {
    @Inject
    AttendanceService attendance;

    @POST
    @RolesAllowed(Roles.PARTICIPANT)
    @Operation(summary = "Check in at my point (method LINK); a second tap changes nothing")
    public CompletionStage<AttendanceEntryView> checkIn() {
        return attendance.checkInSelf();
    }

    @GET
    @RolesAllowed(Roles.PARTICIPANT)
    @Operation(summary = "My attendance: NOT_YET, PRESENT or ABSENT")
    public AttendanceEntryView mine() {
        return attendance.mine();
    }
}
