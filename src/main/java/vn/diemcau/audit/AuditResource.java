package vn.diemcau.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.diemcau.common.Page;
import vn.diemcau.security.Roles;

@Path("/api/audit-events")
@Tag(name = "Audit")
@RolesAllowed(Roles.ORGANIZER)
public class AuditResource {
    @Inject
    AuditService audit;

    @GET
    @Operation(summary = "The audit trail, newest first; filter by session and action prefix")
    public Page<AuditEventView> list(
            @QueryParam("sessionId") Long sessionId,
            @QueryParam("action") String action,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return audit.find(sessionId, action, page, size);
    }
}
