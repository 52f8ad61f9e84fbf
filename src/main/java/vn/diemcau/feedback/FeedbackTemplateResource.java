package vn.diemcau.feedback;

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

@Path("/api/feedback-templates")
@Tag(name = "Feedback", description = "Feedback forms: reusable question sets, the session's form, answers, summary")
@RolesAllowed(Roles.ORGANIZER)
public class FeedbackTemplateResource {
    @Inject
    FeedbackService feedback;

    @GET
    @Operation(summary = "All question sets, by name")
    public List<FeedbackTemplateView> list() {
        return feedback.templates();
    }

    @GET
    @Path("{id: \\d+}")
    @Operation(summary = "One question set")
    public FeedbackTemplateView get(@PathParam("id") long id) {
        return feedback.template(id);
    }

    @POST
    @Operation(summary = "A new question set (ratings 1–5, choices, free text)")
    public Response create(@NotNull FeedbackTemplateRequest request) {
        FeedbackTemplateView v = feedback.createTemplate(request);
        return Response.status(201)
                .entity(v)
                .header("Location", "/api/feedback-templates/" + v.id())
                .build();
    }

    @PUT
    @Path("{id: \\d+}")
    @Operation(summary = "Edit a question set (forms already copied from it keep their questions)")
    public FeedbackTemplateView update(@PathParam("id") long id, @NotNull FeedbackTemplateRequest request) {
        return feedback.updateTemplate(id, request);
    }

    @DELETE
    @Path("{id: \\d+}")
    @Operation(summary = "Remove a question set")
    public Response delete(@PathParam("id") long id) {
        feedback.deleteTemplate(id);
        return Response.noContent().build();
    }
}
