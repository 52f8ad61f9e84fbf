package vn.diemcau.document;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.PathPart;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import vn.diemcau.common.Downloads;
import vn.diemcau.common.ProblemException;
import vn.diemcau.security.Roles;

@Path("/api/sessions/{sessionId}/documents")
@Tag(
        name = "Documents",
        description = "Conference materials: upload, release by agenda, watermarked download, receipts")
@Produces(MediaType.APPLICATION_JSON)
public class DocumentResource {
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Inject
    DocumentService documents;

    @GET
    @RolesAllowed({Roles.ORGANIZER, Roles.OPERATOR, Roles.OBSERVER, Roles.PARTICIPANT})
    @Operation(
            summary = "The session's documents the caller may see",
            description =
                    "Organizers: all, with their versions. Others: the released ones meant for their role and point.")
    public List<DocumentView> list(@PathParam("sessionId") long sessionId) {
        return documents.list(sessionId);
    }

    @GET
    @Path("{documentId}")
    @RolesAllowed({Roles.ORGANIZER, Roles.OPERATOR, Roles.OBSERVER, Roles.PARTICIPANT})
    @Operation(summary = "One document (404 when the caller may not see it)")
    public DocumentView get(@PathParam("sessionId") long sessionId, @PathParam("documentId") long documentId) {
        return documents.get(sessionId, documentId);
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed(Roles.ORGANIZER)
    @Operation(
            summary = "Upload a document (multipart)",
            description = "Parts: file; optional title, agendaItemId, release (NOW, ON_ITEM_START, ON_SESSION_END),"
                    + " classification (NORMAL, RESTRICTED, CONFIDENTIAL), roles and pointIds (comma-separated)."
                    + " The type is read from the content: PDF, DOCX, XLSX, PPTX, PNG, JPEG. 413 past the size limit,"
                    + " 415 for another type or a name whose extension does not match the content.")
    public Response upload(
            @PathParam("sessionId") long sessionId,
            @RestForm("file") FileUpload file,
            @RestForm String title,
            @RestForm String agendaItemId,
            @RestForm String release,
            @RestForm String classification,
            @RestForm String roles,
            @RestForm String pointIds) {
        if (file == null) throw ProblemException.badRequest("document.file-required");
        DocumentRequest r = request(title, agendaItemId, release, classification, roles, pointIds);
        try (InputStream in = Files.newInputStream(file.uploadedFile())) {
            return Response.status(201)
                    .entity(documents.upload(sessionId, r, file.fileName(), file.size(), in))
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_OCTET_STREAM)
    @RolesAllowed(Roles.ORGANIZER)
    @Operation(
            summary = "Upload a document (streamed body)",
            description =
                    "The body is the file; fileName and the other fields of the multipart form are query parameters.")
    public Response uploadStream(
            @PathParam("sessionId") long sessionId,
            @QueryParam("fileName") String fileName,
            @QueryParam("title") String title,
            @QueryParam("agendaItemId") String agendaItemId,
            @QueryParam("release") String release,
            @QueryParam("classification") String classification,
            @QueryParam("roles") String roles,
            @QueryParam("pointIds") String pointIds,
            InputStream body) {
        DocumentRequest r = request(title, agendaItemId, release, classification, roles, pointIds);
        return Response.status(201)
                .entity(documents.upload(sessionId, r, fileName, -1, body))
                .build();
    }

    @PUT
    @Path("{documentId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ORGANIZER)
    @Operation(summary = "Change title, attachment, release rule, classification or audience")
    public DocumentView update(
            @PathParam("sessionId") long sessionId, @PathParam("documentId") long documentId, DocumentRequest r) {
        if (r == null) throw ProblemException.badRequest("document.invalid");
        return documents.update(sessionId, documentId, r);
    }

    @POST
    @Path("{documentId}/versions")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed(Roles.ORGANIZER)
    @Operation(summary = "Upload a new version (multipart part: file); new downloads get it, the audit keeps the old")
    public Response newVersion(
            @PathParam("sessionId") long sessionId,
            @PathParam("documentId") long documentId,
            @RestForm("file") FileUpload file) {
        if (file == null) throw ProblemException.badRequest("document.file-required");
        try (InputStream in = Files.newInputStream(file.uploadedFile())) {
            return Response.status(201)
                    .entity(documents.upload(sessionId, documentId, file.fileName(), file.size(), in))
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @POST
    @Path("{documentId}/versions")
    @Consumes(MediaType.APPLICATION_OCTET_STREAM)
    @RolesAllowed(Roles.ORGANIZER)
    @Operation(summary = "Upload a new version (streamed body, fileName as query parameter)")
    public Response newVersionStream(
            @PathParam("sessionId") long sessionId,
            @PathParam("documentId") long documentId,
            @QueryParam("fileName") String fileName,
            InputStream body) {
        return Response.status(201)
                .entity(documents.upload(sessionId, documentId, fileName, -1, body))
                .build();
    }

    @POST
    @Path("{documentId}/release")
    @RolesAllowed(Roles.ORGANIZER)
    @Operation(summary = "Release now (pushed live as document.released)")
    public DocumentView release(@PathParam("sessionId") long sessionId, @PathParam("documentId") long documentId) {
        return documents.release(sessionId, documentId);
    }

    @POST
    @Path("{documentId}/recall")
    @RolesAllowed(Roles.ORGANIZER)
    @Operation(summary = "Recall (unpublish); pushed live as document.recalled")
    public DocumentView recall(@PathParam("sessionId") long sessionId, @PathParam("documentId") long documentId) {
        return documents.recall(sessionId, documentId);
    }

    @GET
    @Path("{documentId}/file")
    @Produces(MediaType.WILDCARD)
    @RolesAllowed({Roles.ORGANIZER, Roles.OPERATOR, Roles.OBSERVER, Roles.PARTICIPANT})
    @Operation(
            summary = "Download the current version",
            description = "Streamed from storage with ETag and Range/If-Range (206, 416). A confidential PDF is"
                    + " watermarked for the caller. pointId: the point an operator downloads for.")
    public Response download(
            @PathParam("sessionId") long sessionId,
            @PathParam("documentId") long documentId,
            @QueryParam("pointId") Long pointId,
            @HeaderParam("Range") String range,
            @HeaderParam("If-Range") String ifRange) {
        HttpRange[] chosen = new HttpRange[1];
        DocumentService.Served s;
        try {
            s = documents.download(sessionId, documentId, pointId, served -> {
                if (range == null) return Optional.empty();
                if (ifRange != null && !ifRange.strip().equals(served.etag())) return Optional.empty();
                try {
                    Optional<HttpRange> r = HttpRange.parse(range, served.size());
                    r.ifPresent(x -> chosen[0] = x);
                    return r;
                } catch (HttpRange.Unsatisfiable e) {
                    throw new NotSatisfiable(served.size());
                }
            });
        } catch (NotSatisfiable e) {
            return Response.status(416)
                    .header("Content-Range", "bytes */" + e.size)
                    .header("Accept-Ranges", "bytes")
                    .build();
        }
        HttpRange r = chosen[0];
        Response.ResponseBuilder b = Response.status(r == null ? 200 : 206);
        s.headers().forEach(b::header);
        if (r == null) return b.entity(new PathPart(s.file(), 0, s.size())).build();
        return b.header("Content-Range", "bytes " + r.start() + "-" + r.end() + "/" + s.size())
                .entity(new PathPart(s.file(), r.start(), r.length()))
                .build();
    }

    @GET
    @Path("{documentId}/downloads")
    @RolesAllowed(Roles.ORGANIZER)
    @Operation(summary = "Every recorded download of the document")
    public List<DownloadView> downloads(
            @PathParam("sessionId") long sessionId, @PathParam("documentId") long documentId) {
        return documents.downloads(sessionId, documentId);
    }

    @GET
    @Path("{documentId}/receipts")
    @RolesAllowed(Roles.ORGANIZER)
    @Operation(summary = "Who, at which point, has and has not received the document")
    public Receipts receipts(@PathParam("sessionId") long sessionId, @PathParam("documentId") long documentId) {
        return documents.receipts(sessionId, documentId);
    }

    @GET
    @Path("{documentId}/receipts.csv")
    @Produces("text/csv")
    @RolesAllowed(Roles.ORGANIZER)
    @Operation(summary = "The receipts as CSV (UTF-8 with BOM)")
    public Response receiptsCsv(@PathParam("sessionId") long sessionId, @PathParam("documentId") long documentId) {
        Receipts r = documents.receipts(sessionId, documentId);
        StreamingOutput out = r::writeCsv;
        return Response.ok(out, "text/csv; charset=UTF-8")
                .header(
                        "Content-Disposition",
                        Downloads.attachment(Downloads.name("csv", "Tiếp nhận tài liệu", r.title())))
                .build();
    }

    @GET
    @Path("{documentId}/receipts.xlsx")
    @Produces(XLSX)
    @RolesAllowed(Roles.ORGANIZER)
    @Operation(summary = "The receipts as an Excel workbook")
    public Response receiptsXlsx(@PathParam("sessionId") long sessionId, @PathParam("documentId") long documentId) {
        Receipts r = documents.receipts(sessionId, documentId);
        StreamingOutput out = r::writeXlsx;
        return Response.ok(out, XLSX)
                .header(
                        "Content-Disposition",
                        Downloads.attachment(Downloads.name("xlsx", "Tiếp nhận tài liệu", r.title())))
                .build();
    }

    /** Thrown out of the download before its record is queued, so nothing is recorded for a 416. */
    private static final class NotSatisfiable extends RuntimeException {
        final long size;

        NotSatisfiable(long size) {
            super(null, null, false, false);
            this.size = size;
        }
    }

    private static DocumentRequest request(
            String title, String agendaItemId, String release, String classification, String roles, String pointIds) {
        return new DocumentRequest(
                title,
                number(agendaItemId, "agendaItemId"),
                value(ReleaseMode.class, release, "release"),
                value(Classification.class, classification, "classification"),
                roles == null ? null : list(roles),
                pointIds == null
                        ? null
                        : list(pointIds).stream()
                                .map(p -> number(p, "pointIds"))
                                .collect(Collectors.toCollection(LinkedHashSet::new)),
                null);
    }

    private static Set<String> list(String csv) {
        return Arrays.stream(csv.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private static Long number(String s, String field) {
        if (s == null || s.isBlank()) return null;
        try {
            return Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("document.field-invalid", field, s);
        }
    }

    private static <E extends Enum<E>> E value(Class<E> type, String s, String field) {
        if (s == null || s.isBlank()) return null;
        try {
            return Enum.valueOf(type, s.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("document.field-invalid", field, s);
        }
    }
}
