package vn.diemcau.feedback;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.diemcau.common.Downloads;
import vn.diemcau.security.Roles;

@Path("/api/sessions/{sessionId}/feedback")
@Tag(name = "Feedback")
public class FeedbackResource {
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Inject
    FeedbackService feedback;

    @Inject
    FeedbackExport export;

    @GET
    @RolesAllowed({Roles.ORGANIZER, Roles.OBSERVER, Roles.OPERATOR, Roles.PARTICIPANT})
    @Operation(summary = "The session's form (participants: once it is open, with whether they answered)")
    public FeedbackFormView get(@PathParam("sessionId") long sessionId) {
        return feedback.form(sessionId);
    }

    @PUT
    @RolesAllowed(Roles.ORGANIZER)
    @Operation(
            summary =
                    "Give the session its form: the questions given, or else copied from a question set; it opens when the"
                            + " session ends and/or at opensAt")
    public FeedbackFormView set(@PathParam("sessionId") long sessionId, @NotNull FeedbackFormRequest request) {
        return feedback.setForm(sessionId, request);
    }

    @POST
    @Path("open")
    @RolesAllowed(Roles.ORGANIZER)
    @Operation(summary = "Open the form now")
    public FeedbackFormView open(@PathParam("sessionId") long sessionId) {
        return feedback.open(sessionId);
    }

    @POST
    @Path("close")
    @RolesAllowed(Roles.ORGANIZER)
    @Operation(summary = "Stop taking answers")
    public FeedbackFormView close(@PathParam("sessionId") long sessionId) {
        return feedback.close(sessionId);
    }

    @POST
    @Path("responses")
    @RolesAllowed(Roles.PARTICIPANT)
    @Operation(summary = "A delegate's answers, once (409 feedback.already-answered after)")
    public Response respond(@PathParam("sessionId") long sessionId, @NotNull FeedbackResponseRequest request) {
        return Response.status(201).entity(feedback.respond(sessionId, request)).build();
    }

    @GET
    @Path("summary")
    @RolesAllowed({Roles.ORGANIZER, Roles.OBSERVER})
    @Operation(summary = "Averages, distributions and all free-text answers")
    public FeedbackSummary summary(@PathParam("sessionId") long sessionId) {
        return feedback.summary(sessionId);
    }

    @GET
    @Path("summary.xlsx")
    @Produces(XLSX)
    @RolesAllowed({Roles.ORGANIZER, Roles.OBSERVER})
    @Operation(summary = "The summary as a spreadsheet")
    public Response xlsx(@PathParam("sessionId") long sessionId) {
        FeedbackSummary s = feedback.summary(sessionId);
        return Response.ok(export.xlsx(s))
                .header("Content-Disposition", Downloads.attachment(Downloads.name("xlsx", "Tổng hợp", s.title())))
                .build();
    }

    @GET
    @Path("summary.pdf")
    @Produces("application/pdf")
    @RolesAllowed({Roles.ORGANIZER, Roles.OBSERVER})
    @Operation(summary = "The summary as an A4 PDF")
    public Response pdf(@PathParam("sessionId") long sessionId) {
        FeedbackSummary s = feedback.summary(sessionId);
        return Response.ok(export.pdf(s))
                .header("Content-Disposition", Downloads.attachment(Downloads.name("pdf", "Tổng hợp", s.title())))
                .build();
    }
}
