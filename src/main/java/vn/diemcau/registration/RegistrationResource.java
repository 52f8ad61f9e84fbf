package vn.diemcau.registration;

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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.diemcau.common.Page;
import vn.diemcau.security.Roles;

/** Staff side of registration: settings, links and the approval queue of a session. */
@Path("/api/sessions/{sid}/registration")
@Tag(name = "Registration", description = "Registration for a session: settings, links, approval queue")
public class RegistrationResource {
    @Inject
    RegistrationService registrations;

    @GET
    @RolesAllowed({Roles.ORGANIZER, Roles.OBSERVER, Roles.OPERATOR})
    @Operation(summary = "Whether registration is open, its deadline, and per point the capacity and places held")
    public RegistrationSettingsView settings(@PathParam("sid") long sessionId) {
        return registrations.settings(sessionId);
    }

    @PUT
    @RolesAllowed(Roles.ORGANIZER)
    @Operation(summary = "Open or close registration, set its deadline and the capacity of points")
    public RegistrationSettingsView update(
            @PathParam("sid") long sessionId, @Valid @NotNull RegistrationSettingsRequest request) {
        return registrations.updateSettings(sessionId, request);
    }

    @GET
    @Path("links")
    @RolesAllowed({Roles.ORGANIZER, Roles.OBSERVER, Roles.OPERATOR})
    @Operation(summary = "Public registration links (operators: those of their points)")
    public List<RegistrationLinkView> links(@PathParam("sid") long sessionId) {
        return registrations.links(sessionId);
    }

    @POST
    @Path("links")
    @RolesAllowed(Roles.ORGANIZER)
    @Operation(summary = "A new public registration link for a point, a unit, or the whole session")
    public Response createLink(@PathParam("sid") long sessionId, @Valid @NotNull RegistrationLinkRequest request) {
        return Response.status(201)
                .entity(registrations.createLink(sessionId, request))
                .build();
    }

    @DELETE
    @Path("links/{lid}")
    @RolesAllowed(Roles.ORGANIZER)
    @Operation(summary = "Revoke a registration link: it stops working at once")
    public Response revokeLink(@PathParam("sid") long sessionId, @PathParam("lid") long linkId) {
        registrations.revokeLink(sessionId, linkId);
        return Response.noContent().build();
    }

    @GET
    @Path("entries")
    @RolesAllowed({Roles.ORGANIZER, Roles.OBSERVER, Roles.OPERATOR})
    @Operation(summary = "Registrations, oldest first, duplicates flagged (operators: those of their points)")
    public Page<RegistrationView> list(
            @PathParam("sid") long sessionId,
            @QueryParam("status") RegistrationStatus status,
            @QueryParam("pointId") Long pointId,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return registrations.list(sessionId, status, pointId, page, size);
    }

    @POST
    @Path("entries")
    @RolesAllowed({Roles.ORGANIZER, Roles.OPERATOR})
    @Operation(summary = "Nominate someone for a point (operators: their points); pending until approved")
    public Response nominate(@PathParam("sid") long sessionId, @Valid @NotNull RegistrationRequest request) {
        return Response.status(201)
                .entity(registrations.nominate(sessionId, request))
                .build();
    }

    @POST
    @Path("entries/{rid}/approve")
    @RolesAllowed({Roles.ORGANIZER, Roles.OPERATOR})
    @Operation(
            summary = "Approve: the registrant joins the roster with an invitation (409 delegate.duplicate for the"
                    + " same name and unit unless allowDuplicate)")
    public RegistrationView approve(
            @PathParam("sid") long sessionId,
            @PathParam("rid") long registrationId,
            @QueryParam("allowDuplicate") boolean allowDuplicate,
            @QueryParam("version") Long version) {
        return registrations.approve(sessionId, registrationId, allowDuplicate, version);
    }

    @POST
    @Path("entries/{rid}/reject")
    @RolesAllowed({Roles.ORGANIZER, Roles.OPERATOR})
    @Operation(summary = "Reject with a reason the registrant reads on their status page")
    public RegistrationView reject(
            @PathParam("sid") long sessionId,
            @PathParam("rid") long registrationId,
            @QueryParam("version") Long version,
            @Valid @NotNull RejectRequest request) {
        return registrations.reject(sessionId, registrationId, request, version);
    }
}
