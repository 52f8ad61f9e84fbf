package vn.diemcau.session;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.diemcau.common.Page;
import vn.diemcau.security.Roles;

@Path("/api/sessions")
@Tag(name = "Sessions", description = "Conferences and training sessions: prepare, schedule, cancel, copy")
public class SessionResource {
    @Inject
    SessionService sessions;

    @GET
    @RolesAllowed({Roles.ORGANIZER, Roles.OBSERVER, Roles.OPERATOR})
    @Operation(summary = "Sessions the caller may see, upcoming and undated first")
    public Page<SessionView> list(
            @QueryParam("status") SessionStatus status,
            @QueryParam("q") String q,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        return sessions.list(status, q, page, size);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.ORGANIZER, Roles.OBSERVER, Roles.OPERATOR, Roles.PARTICIPANT})
    @Operation(summary = "One session")
    public SessionView get(@PathParam("id") long id) {
        return sessions.get(id);
    }

    @POST
    @RolesAllowed(Roles.ORGANIZER)
    @Operation(summary = "Create a session (DRAFT)")
    public Response create(@Valid @NotNull SessionRequest request) {
        SessionView v = sessions.create(request);
        return Response.status(201)
                .entity(v)
                .header("Location", "/api/sessions/" + v.id())
                .build();
    }

    @PUT
    @Path("{id}")
    @RolesAllowed(Roles.ORGANIZER)
    @Operation(summary = "Edit a session while it is DRAFT or SCHEDULED")
    public SessionView update(@PathParam("id") long id, @Valid @NotNull SessionRequest request) {
        return sessions.update(id, request);
    }

    @POST
    @Path("{id}/schedule")
    @RolesAllowed(Roles.ORGANIZER)
    @Operation(summary = "DRAFT → SCHEDULED (needs start and end)")
    public SessionView schedule(@PathParam("id") long id, @QueryParam("version") Long version) {
        return sessions.transition(id, null, SessionStatus.SCHEDULED, version);
    }

    @POST
    @Path("{id}/unschedule")
    @RolesAllowed(Roles.ORGANIZER)
    @Operation(summary = "SCHEDULED → DRAFT")
    public SessionView unschedule(@PathParam("id") long id, @QueryParam("version") Long version) {
        return sessions.transition(id, SessionStatus.SCHEDULED, SessionStatus.DRAFT, version);
    }

    @POST
    @Path("{id}/cancel")
    @RolesAllowed(Roles.ORGANIZER)
    @Operation(summary = "Cancel a DRAFT or SCHEDULED session (undo with restore)")
    public SessionView cancel(@PathParam("id") long id, @QueryParam("version") Long version) {
        return sessions.transition(id, null, SessionStatus.CANCELLED, version);
    }

    @POST
    @Path("{id}/restore")
    @RolesAllowed(Roles.ORGANIZER)
    @Operation(summary = "CANCELLED → DRAFT")
    public SessionView restore(@PathParam("id") long id, @QueryParam("version") Long version) {
        return sessions.transition(id, SessionStatus.CANCELLED, SessionStatus.DRAFT, version);
    }

    @POST
    @Path("{id}/copy")
    @RolesAllowed(Roles.ORGANIZER)
    @Operation(summary = "Copy a session with its points, agenda and (optionally) roster, as a new DRAFT")
    public Response copy(@PathParam("id") long id, @Valid @NotNull SessionCopyRequest request) {
        SessionView v = sessions.copy(id, request);
        return Response.status(201)
                .entity(v)
                .header("Location", "/api/sessions/" + v.id())
                .build();
    }
}
