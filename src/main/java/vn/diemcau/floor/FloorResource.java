package vn.diemcau.floor;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.diemcau.security.Roles;

/**
 * Reading the floor. Changes (floor.request, floor.grant, floor.decline, floor.withdraw,
 * floor.reorder, floor.finish, floor.close_queue, floor.open_queue) are live commands: over the WebSocket or
 * POST /api/sessions/{id}/live/commands with an Idempotency-Key, so a resend is applied once.
 */
@Path("/api/sessions/{sessionId}/floor")
@Tag(name = "Floor", description = "Requests to speak: the queue, the current speaker, the record")
@Produces(MediaType.APPLICATION_JSON)
public class FloorResource {
    @Inject
    FloorService floor;

    @GET
    @RolesAllowed({Roles.ORGANIZER, Roles.OPERATOR, Roles.OBSERVER, Roles.PARTICIPANT})
    @Operation(summary = "Who has the floor now, the waiting queue in order, and whether the queue is closed")
    public FloorState state(@PathParam("sessionId") long sessionId) {
        return floor.state(sessionId);
    }

    @GET
    @Path("requests")
    @RolesAllowed({Roles.ORGANIZER, Roles.OPERATOR, Roles.OBSERVER})
    @Operation(summary = "Every request to speak of the session, as made, with its outcome")
    public List<FloorRequestView> history(@PathParam("sessionId") long sessionId) {
        return floor.history(sessionId);
    }
}
