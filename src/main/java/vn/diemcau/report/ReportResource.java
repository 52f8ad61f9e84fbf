package vn.diemcau.report;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.diemcau.common.Downloads;
import vn.diemcau.security.Roles;

@Path("/api/sessions/{sessionId}/report")
@Tag(name = "Report", description = "The session report for filing, once the session has ended")
public class ReportResource {
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Inject
    ReportService reports;

    @GET
    @Path("pdf")
    @Produces({"application/pdf", "application/problem+json"})
    @RolesAllowed({Roles.ORGANIZER, Roles.OBSERVER})
    @Operation(summary = "The session report as PDF (409 until the session has ended)")
    public Response pdf(@PathParam("sessionId") long sessionId) {
        Report r = reports.build(sessionId);
        return file(ReportPdf.render(r), "application/pdf", r, "pdf");
    }

    @GET
    @Path("xlsx")
    @Produces({XLSX, "application/problem+json"})
    @RolesAllowed({Roles.ORGANIZER, Roles.OBSERVER})
    @Operation(summary = "The session report as an Excel workbook, one sheet per table (409 until ended)")
    public Response xlsx(@PathParam("sessionId") long sessionId) {
        Report r = reports.build(sessionId);
        return file(ReportXlsx.render(r), XLSX, r, "xlsx");
    }

    private static Response file(byte[] body, String type, Report r, String ext) {
        return Response.ok(body, type)
                .header(
                        "Content-Disposition",
                        Downloads.attachment(Downloads.name(ext, "Báo cáo hội nghị", r.sessionTitle())))
                .header("Cache-Control", "private, no-store")
                .build();
    }
}
