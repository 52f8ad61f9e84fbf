package vn.diemcau.attendance;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.diemcau.common.Downloads;
import vn.diemcau.common.Page;
import vn.diemcau.security.Roles;

/**
 * Attendance over REST. Check-in, undo, absence and room count set a state, so a resend changes
 * nothing; clients that queue offline (walk-ins above all) send the same changes as live commands
 * (attendance.*) with a commandId, over the socket or POST /api/sessions/{id}/live/commands with
 * an Idempotency-Key, which applies each exactly once.
 */
@Path("/api/sessions/{sid}/attendance")
@Tag(name = "Attendance", description = "Check-in, absences, walk-ins, room counts, live counts and the report")
public class AttendanceResource {
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Inject
    AttendanceService attendance;

    @GET
    @Path("counts")
    @RolesAllowed({Roles.ORGANIZER, Roles.OPERATOR, Roles.OBSERVER})
    @Operation(summary = "Present / expected per point, per unit along the session's tree, per level and in total")
    public AttendanceCounts counts(@PathParam("sid") long sessionId) {
        return attendance.counts(sessionId);
    }

    @GET
    @Path("points/{pid}/delegates")
    @RolesAllowed({Roles.ORGANIZER, Roles.OPERATOR, Roles.OBSERVER})
    @Operation(summary = "A point's delegates with their attendance; q ignores diacritics; Vietnamese name order")
    public Page<AttendanceEntryView> entries(
            @PathParam("sid") long sessionId,
            @PathParam("pid") long pointId,
            @QueryParam("q") String q,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return attendance.entries(sessionId, pointId, q, page, size);
    }

    @POST
    @Path("points/{pid}/check-ins")
    @RolesAllowed({Roles.ORGANIZER, Roles.OPERATOR})
    @Operation(
            summary = "Check a delegate in at the point: by delegateId (method OPERATOR) or by a scanned "
                    + "invitation token or link (method QR); substituteName records a người dự thay. "
                    + "A second check-in changes nothing (changed=false).")
    public AttendanceResult checkIn(
            @PathParam("sid") long sessionId, @PathParam("pid") long pointId, @Valid @NotNull CheckInRequest request) {
        return new AttendanceResult(attendance.checkIn(sessionId, pointId, request), request.delegateId());
    }

    @DELETE
    @Path("check-ins/{did}")
    @RolesAllowed({Roles.ORGANIZER, Roles.OPERATOR})
    @Operation(summary = "Undo a delegate's check-in or absence (audited); nothing to undo is not an error")
    public AttendanceResult undo(@PathParam("sid") long sessionId, @PathParam("did") long delegateId) {
        return new AttendanceResult(attendance.undo(sessionId, delegateId), delegateId);
    }

    @POST
    @Path("points/{pid}/absences")
    @RolesAllowed({Roles.ORGANIZER, Roles.OPERATOR})
    @Operation(summary = "Absent with a reason (vắng có lý do); 409 when already checked in")
    public AttendanceResult absent(
            @PathParam("sid") long sessionId, @PathParam("pid") long pointId, @Valid @NotNull AbsenceRequest request) {
        return new AttendanceResult(attendance.markAbsent(sessionId, pointId, request), request.delegateId());
    }

    @POST
    @Path("points/{pid}/walk-ins")
    @RolesAllowed({Roles.ORGANIZER, Roles.OPERATOR})
    @Operation(summary = "Add someone not on the roster as a delegate of the point, checked in (WALK_IN)")
    public Response walkIn(
            @PathParam("sid") long sessionId, @PathParam("pid") long pointId, @Valid @NotNull WalkInRequest request) {
        long id = attendance.walkIn(sessionId, pointId, request);
        return Response.status(201).entity(new AttendanceResult(true, id)).build();
    }

    @PUT
    @Path("points/{pid}/room-count")
    @RolesAllowed({Roles.ORGANIZER, Roles.OPERATOR})
    @Operation(summary = "The number of people in the room (the point's latest count, as the roll call's answer)")
    public Response roomCount(
            @PathParam("sid") long sessionId,
            @PathParam("pid") long pointId,
            @Valid @NotNull RoomCountRequest request) {
        attendance.reportRoomCount(sessionId, pointId, request.present());
        return Response.noContent().build();
    }

    @GET
    @Path("report.csv")
    @Produces("text/csv")
    @RolesAllowed({Roles.ORGANIZER, Roles.OPERATOR, Roles.OBSERVER})
    @Operation(summary = "The attendance report as CSV (UTF-8 with BOM); operators get their points only")
    public Response csv(@PathParam("sid") long sessionId, @QueryParam("pointId") Long pointId) {
        AttendanceReport r = attendance.report(sessionId, pointId);
        return file(r.csv(), "text/csv; charset=UTF-8", name(r, pointId, "csv"));
    }

    @GET
    @Path("report.xlsx")
    @Produces(XLSX)
    @RolesAllowed({Roles.ORGANIZER, Roles.OPERATOR, Roles.OBSERVER})
    @Operation(summary = "The attendance report as an Excel workbook: summary sheet and named list")
    public Response xlsx(@PathParam("sid") long sessionId, @QueryParam("pointId") Long pointId) {
        AttendanceReport r = attendance.report(sessionId, pointId);
        return file(r.xlsx(), XLSX, name(r, pointId, "xlsx"));
    }

    @GET
    @Path("report.pdf")
    @Produces("application/pdf")
    @RolesAllowed({Roles.ORGANIZER, Roles.OPERATOR, Roles.OBSERVER})
    @Operation(summary = "The attendance report as an A4 PDF with Vietnamese fonts")
    public Response pdf(@PathParam("sid") long sessionId, @QueryParam("pointId") Long pointId) {
        AttendanceReport r = attendance.report(sessionId, pointId);
        return file(r.pdf(), "application/pdf", name(r, pointId, "pdf"));
    }

    /** "Báo cáo điểm danh – <session>[ – <point>].xlsx" */
    private static String name(AttendanceReport r, Long pointId, String ext) {
        String point =
                pointId != null && r.points().size() == 1 ? r.points().get(0).name() : null;
        return Downloads.name(ext, "Báo cáo điểm danh", r.sessionTitle(), point);
    }

    private static Response file(byte[] body, String type, String name) {
        return Response.ok(body, type)
                .header("Content-Disposition", Downloads.attachment(name))
                .header("Cache-Control", "private, no-store")
                .header("Content-Length", body.length)
                .build();
    }
}
