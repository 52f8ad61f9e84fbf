package vn.diemcau.floor;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.diemcau.security.Roles;

@Path("/api/sessions/{sessionId}/questions")
@Tag(name = "Questions", description = "Written questions from participants and their moderation")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class QuestionResource {
    @Inject
    QuestionService questions;

    @POST
    @RolesAllowed(Roles.PARTICIPANT)
    @Operation(
            summary = "A participant sends one question",
            description = "Length and rate limited per delegate (429 when over); it waits for moderation.")
    public Response ask(@PathParam("sessionId") long sessionId, QuestionRequest request) {
        return Response.status(201).entity(questions.ask(sessionId, request)).build();
    }

    @GET
    @RolesAllowed({Roles.ORGANIZER, Roles.OPERATOR, Roles.OBSERVER, Roles.PARTICIPANT})
    @Operation(
            summary = "Questions, newest first",
            description = "Organizers and observers see all; others the approved and answered ones, a"
                    + " participant also their own.")
    public List<QuestionView> list(
            @PathParam("sessionId") long sessionId, @QueryParam("status") QuestionStatus status) {
        return questions.list(sessionId, status);
    }

    @POST
    @Path("{questionId: \\d+}/moderation")
    @RolesAllowed(Roles.ORGANIZER)
    @Operation(summary = "Approve, answer, hide, or merge into another question")
    public QuestionView moderate(
            @PathParam("sessionId") long sessionId,
            @PathParam("questionId") long questionId,
            QuestionModeration moderation) {
        return questions.moderate(sessionId, questionId, moderation);
    }
}
