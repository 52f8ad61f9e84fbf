package vn.diemcau.roster;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import vn.diemcau.common.Downloads;
import vn.diemcau.common.ImportPreview;
import vn.diemcau.common.Messages;
import vn.diemcau.common.Page;
import vn.diemcau.common.ProblemException;
import vn.diemcau.common.Qr;
import vn.diemcau.security.Roles;

@Path("/api/sessions/{sid}/delegates")
@Tag(name = "Roster", description = "Delegates of a session: list, edit, import, invitations")
public class DelegateResource {
    @Inject
    DelegateService delegates;

    @Inject
    DelegateImport imports;

    @Inject
    InvitationSheets sheets;

    @GET
    @RolesAllowed({Roles.ORGANIZER, Roles.OBSERVER, Roles.OPERATOR})
    @Operation(summary = "Delegates in Vietnamese name order; q ignores diacritics; operators see their points only")
    public Page<DelegateView> list(
            @PathParam("sid") long sessionId,
            @QueryParam("q") String q,
            @QueryParam("pointId") Long pointId,
            @QueryParam("category") String category,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return delegates.list(sessionId, q, pointId, category, page, size);
    }

    @GET
    @Path("{did}")
    @RolesAllowed({Roles.ORGANIZER, Roles.OBSERVER, Roles.OPERATOR})
    @Operation(summary = "One delegate")
    public DelegateView get(@PathParam("sid") long sessionId, @PathParam("did") long delegateId) {
        return delegates.get(sessionId, delegateId);
    }

    @POST
    @RolesAllowed(Roles.ORGANIZER)
    @Operation(summary = "Add a delegate (409 delegate.duplicate for the same name and unit unless allowDuplicate)")
    public Response create(
            @PathParam("sid") long sessionId,
            @QueryParam("allowDuplicate") boolean allowDuplicate,
            @Valid @NotNull DelegateRequest request) {
        DelegateView v = delegates.create(sessionId, request, allowDuplicate);
        return Response.status(201)
                .entity(v)
                .header("Location", "/api/sessions/" + sessionId + "/delegates/" + v.id())
                .build();
    }

    @PUT
    @Path("{did}")
    @RolesAllowed(Roles.ORGANIZER)
    @Operation(summary = "Edit a delegate while the session is being prepared")
    public DelegateView update(
            @PathParam("sid") long sessionId,
            @PathParam("did") long delegateId,
            @QueryParam("allowDuplicate") boolean allowDuplicate,
            @Valid @NotNull DelegateRequest request) {
        return delegates.update(sessionId, delegateId, request, allowDuplicate);
    }

    @DELETE
    @Path("{did}")
    @RolesAllowed(Roles.ORGANIZER)
    @Operation(summary = "Remove a delegate while the session is being prepared")
    public Response delete(@PathParam("sid") long sessionId, @PathParam("did") long delegateId) {
        delegates.delete(sessionId, delegateId);
        return Response.noContent().build();
    }

    @GET
    @Path("duplicates")
    @RolesAllowed({Roles.ORGANIZER, Roles.OBSERVER})
    @Operation(summary = "Groups of delegates with the same name and unit (diacritics and case ignored)")
    public List<DuplicateGroup> duplicates(@PathParam("sid") long sessionId) {
        return delegates.duplicates(sessionId);
    }

    @POST
    @Path("import/preview")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed(Roles.ORGANIZER)
    @Operation(summary = "Check a roster file (.xlsx or UTF-8 .csv, part \"file\") row by row; imports nothing")
    public ImportPreview preview(
            @PathParam("sid") long sessionId,
            @RestForm("file") FileUpload file,
            @RestForm("allowDuplicates") boolean allowDuplicates,
            @Context HttpHeaders headers) {
        FileUpload f = requireFile(file);
        return imports.preview(
                sessionId,
                f.fileName(),
                f.uploadedFile(),
                allowDuplicates,
                Messages.pick(headers.getAcceptableLanguages()));
    }

    @POST
    @Path("import")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed(Roles.ORGANIZER)
    @Operation(summary = "Import a roster file: every row or, with any bad row, nothing (422 listing the rows)")
    public Response importFile(
            @PathParam("sid") long sessionId,
            @RestForm("file") FileUpload file,
            @RestForm("allowDuplicates") boolean allowDuplicates,
            @Context HttpHeaders headers) {
        FileUpload f = requireFile(file);
        int n = imports.importFile(
                sessionId,
                f.fileName(),
                f.uploadedFile(),
                allowDuplicates,
                Messages.pick(headers.getAcceptableLanguages()));
        return Response.status(201).entity(new ImportResult(n)).build();
    }

    /** How many delegates an import added. */
    public record ImportResult(int imported) {}

    private static FileUpload requireFile(FileUpload file) {
        if (file == null || file.uploadedFile() == null) throw ProblemException.badRequest("import.no-file");
        return file;
    }

    @POST
    @Path("{did}/invitation")
    @RolesAllowed(Roles.ORGANIZER)
    @Operation(summary = "The delegate's personal invitation link (the same until revoked)")
    public InvitationView issueInvitation(@PathParam("sid") long sessionId, @PathParam("did") long delegateId) {
        return delegates.issueInvitation(sessionId, delegateId);
    }

    @DELETE
    @Path("{did}/invitation")
    @RolesAllowed(Roles.ORGANIZER)
    @Operation(summary = "Revoke the invitation: the old link stops working at once")
    public Response revokeInvitation(@PathParam("sid") long sessionId, @PathParam("did") long delegateId) {
        delegates.revokeInvitation(sessionId, delegateId);
        return Response.noContent().build();
    }

    // --- invitations: QR codes and printable sheets ---

    @GET
    @Path("{did}/invitation/qr.png")
    @Produces("image/png")
    @RolesAllowed(Roles.ORGANIZER)
    @Operation(summary = "QR code (PNG) of the delegate's current invitation link; 409 before one is issued")
    public Response invitationPng(
            @PathParam("sid") long sessionId,
            @PathParam("did") long delegateId,
            @QueryParam("size") @DefaultValue("300") @Min(64) @Max(2000) int size) {
        return personal(Qr.png(sheets.invitationUrl(sessionId, delegateId), size), "image/png");
    }

    @GET
    @Path("{did}/invitation/qr.svg")
    @Produces("image/svg+xml")
    @RolesAllowed(Roles.ORGANIZER)
    @Operation(summary = "QR code (SVG) of the delegate's current invitation link; 409 before one is issued")
    public Response invitationSvg(@PathParam("sid") long sessionId, @PathParam("did") long delegateId) {
        return personal(Qr.svg(sheets.invitationUrl(sessionId, delegateId)), "image/svg+xml");
    }

    @POST
    @Path("invitation-sheet")
    @Produces("application/pdf")
    @RolesAllowed({Roles.ORGANIZER, Roles.OPERATOR})
    @Operation(
            summary = "Printable invitation cards of a point (A4 PDF, 8 per page, QR each): issues invitations to"
                    + " delegates without one; renew=true (organizer only) issues new ones to all, so earlier"
                    + " links and printed cards of the point stop working")
    public Response invitationSheet(
            @PathParam("sid") long sessionId,
            @QueryParam("pointId") @NotNull Long pointId,
            @QueryParam("renew") boolean renew) {
        InvitationSheets.Sheet sheet = sheets.sheet(sessionId, pointId, renew);
        return Response.ok(sheet.pdf(), "application/pdf")
                .header(
                        "Content-Disposition",
                        Downloads.attachment(Downloads.name("pdf", "Giấy mời", sheet.pointName())))
                .header("Cache-Control", "no-store")
                .build();
    }

    /** A personal link is a key: never kept in a shared cache. */
    private static Response personal(Object body, String type) {
        return Response.ok(body, type)
                .header("Cache-Control", "private, no-store")
                .build();
    }
}
