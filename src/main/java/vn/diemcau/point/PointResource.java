package vn.diemcau.point;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
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
import vn.diemcau.security.Roles;

@Path("/api/sessions/{sid}/points")
@Tag(
        name = "Points",
        description = "Connection points of a session: the main hall and every other point, with their operators")
public class PointResource {
    @Inject
    PointService points;

    @GET
    @RolesAllowed({Roles.ORGANIZER, Roles.OBSERVER, Roles.OPERATOR})
    @Operation(summary = "The session's points, main hall first (operators of the session see all, read-only)")
    public List<PointView> list(@PathParam("sid") long sid) {
        return points.list(sid);
    }

    @GET
    @Path("{pid}")
    @RolesAllowed({Roles.ORGANIZER, Roles.OBSERVER, Roles.OPERATOR})
    @Operation(summary = "One point")
    public PointView get(@PathParam("sid") long sid, @PathParam("pid") long pid) {
        return points.get(sid, pid);
    }

    @POST
    @RolesAllowed(Roles.ORGANIZER)
    @Operation(summary = "Add a point (name defaults to its unit's; at most one main hall)")
    public Response create(@PathParam("sid") long sid, @Valid @NotNull PointRequest request) {
        PointView v = points.create(sid, request);
        return Response.status(201)
                .entity(v)
                .header("Location", "/api/sessions/" + sid + "/points/" + v.id())
                .build();
    }

    @PUT
    @Path("{pid}")
    @RolesAllowed(Roles.ORGANIZER)
    @Operation(summary = "Edit a point")
    public PointView update(
            @PathParam("sid") long sid, @PathParam("pid") long pid, @Valid @NotNull PointRequest request) {
        return points.update(sid, pid, request);
    }

    @DELETE
    @Path("{pid}")
    @RolesAllowed(Roles.ORGANIZER)
    @Operation(summary = "Remove a point (409 while delegates attend there, unless force=true)")
    public Response delete(
            @PathParam("sid") long sid,
            @PathParam("pid") long pid,
            @QueryParam("force") @DefaultValue("false") boolean force) {
        points.delete(sid, pid, force);
        return Response.noContent().build();
    }

    @PUT
    @Path("{pid}/operators")
    @RolesAllowed(Roles.ORGANIZER)
    @Operation(summary = "Set who operates the point (usernames)")
    public PointView operators(
            @PathParam("sid") long sid, @PathParam("pid") long pid, @Valid @NotNull OperatorsRequest request) {
        return points.setOperators(sid, pid, request.operators());
    }

    @POST
    @Path("bulk")
    @RolesAllowed(Roles.ORGANIZER)
    @Operation(
            summary =
                    "One point per unit of a level below a unit (e.g. every commune of the province), skipping those present")
    public BulkPointsResult bulk(@PathParam("sid") long sid, @Valid @NotNull BulkPointsRequest request) {
        return points.bulk(sid, request);
    }
}
