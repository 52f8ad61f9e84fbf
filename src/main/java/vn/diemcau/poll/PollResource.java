package vn.diemcau.poll;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.diemcau.security.Roles;

/**
 * Authoring and reading polls. Running them (open, close, publish), votes and room counts are live
 * commands (poll.open, poll.vote, …) over the socket or POST /api/sessions/{id}/live/commands.
 */
@Path("/api/sessions/{sessionId}/polls")
@Tag(name = "Polls", description = "Live polls of a session: questions, status, results")
public class PollResource {
    @Inject
    PollService polls;

    @GET
    @RolesAllowed({Roles.ORGANIZER, Roles.OBSERVER, Roles.OPERATOR, Roles.PARTICIPANT})
    @Operation(
            summary = "The session's polls",
            description = "Participants see polls past DRAFT, their own answer, and results only when allowed"
                    + " (without the points' part: points: [])")
    public List<PollView> list(@PathParam("sessionId") long sessionId) {
        return polls.list(sessionId);
    }

    @GET
    @Path("{pollId: \\d+}")
    @RolesAllowed({Roles.ORGANIZER, Roles.OBSERVER, Roles.OPERATOR, Roles.PARTICIPANT})
    @Operation(summary = "One poll")
    public PollView get(@PathParam("sessionId") long sessionId, @PathParam("pollId") long pollId) {
        return polls.get(sessionId, pollId);
    }

    @GET
    @Path("{pollId: \\d+}/results")
    @RolesAllowed({Roles.ORGANIZER, Roles.OBSERVER, Roles.OPERATOR, Roles.PARTICIPANT})
    @Operation(
            summary = "Totals, per point and per unit level (phones + room counts)",
            description =
                    "403 poll.results-hidden for participants until the results are published, when the poll hides"
                            + " them. Participants get the totals with points: [] (each point's part is for staff).")
    public PollResults results(@PathParam("sessionId") long sessionId, @PathParam("pollId") long pollId) {
        return polls.results(sessionId, pollId);
    }

    @GET
    @Path("{pollId: \\d+}/answers")
    @RolesAllowed(Roles.ORGANIZER)
    @Operation(summary = "Who answered what, for a named poll (409 poll.anonymous for an anonymous one)")
    public List<PollNamedAnswer> answers(@PathParam("sessionId") long sessionId, @PathParam("pollId") long pollId) {
        return polls.answers(sessionId, pollId);
    }

    @POST
    @RolesAllowed(Roles.ORGANIZER)
    @Operation(summary = "Prepare a poll (DRAFT), optionally attached to an agenda item")
    public Response create(@PathParam("sessionId") long sessionId, @NotNull PollRequest request) {
        PollView v = polls.create(sessionId, request);
        return Response.status(201)
                .entity(v)
                .header("Location", "/api/sessions/" + sessionId + "/polls/" + v.id())
                .build();
    }

    @PUT
    @Path("{pollId: \\d+}")
    @RolesAllowed(Roles.ORGANIZER)
    @Operation(summary = "Edit a poll while it is DRAFT")
    public PollView update(
            @PathParam("sessionId") long sessionId, @PathParam("pollId") long pollId, @NotNull PollRequest request) {
        return polls.update(sessionId, pollId, request);
    }

    @DELETE
    @Path("{pollId: \\d+}")
    @RolesAllowed(Roles.ORGANIZER)
    @Operation(summary = "Remove a poll while it is DRAFT")
    public Response delete(@PathParam("sessionId") long sessionId, @PathParam("pollId") long pollId) {
        polls.delete(sessionId, pollId);
        return Response.noContent().build();
    }
}
