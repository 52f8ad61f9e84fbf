package vn.diemcau.unit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import vn.diemcau.common.ImportPreview;
import vn.diemcau.common.Messages;
import vn.diemcau.security.Roles;

@Path("/api/units")
@Tag(
        name = "Units",
        description = "The tree of units (province, commune, party committee, agency) sessions draw points from")
public class UnitResource {
    @Inject
    UnitService units;

    @Inject
    UnitImporter importer;

    @Inject
    HttpHeaders headers;

    @GET
    @RolesAllowed({Roles.ORGANIZER, Roles.OBSERVER, Roles.OPERATOR})
    @Operation(summary = "Units, flat and sorted by path; parentId gives the direct children, q ignores diacritics")
    public List<UnitView> list(
            @QueryParam("level") UnitLevel level,
            @QueryParam("parentId") Long parentId,
            @QueryParam("q") String q,
            @QueryParam("includeRetired") @DefaultValue("false") boolean includeRetired) {
        return units.list(level, parentId, q, includeRetired);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.ORGANIZER, Roles.OBSERVER, Roles.OPERATOR})
    @Operation(summary = "One unit")
    public UnitView get(@PathParam("id") long id) {
        return units.get(id);
    }

    @POST
    @RolesAllowed(Roles.ORGANIZER)
    @Operation(summary = "Create a unit (code unique)")
    public Response create(@Valid @NotNull UnitRequest request) {
        UnitView v = units.create(request);
        return Response.status(201)
                .entity(v)
                .header("Location", "/api/units/" + v.id())
                .build();
    }

    @PUT
    @Path("{id}")
    @RolesAllowed(Roles.ORGANIZER)
    @Operation(summary = "Rename, recode or move a unit (never under itself)")
    public UnitView update(@PathParam("id") long id, @Valid @NotNull UnitRequest request) {
        return units.update(id, request);
    }

    @POST
    @Path("{id}/retire")
    @RolesAllowed(Roles.ORGANIZER)
    @Operation(summary = "Retire a unit: hidden from lists and bulk creation, kept for old sessions")
    public UnitView retire(@PathParam("id") long id, @QueryParam("version") Long version) {
        return units.retire(id, version);
    }

    @POST
    @Path("{id}/restore")
    @RolesAllowed(Roles.ORGANIZER)
    @Operation(summary = "Undo a retirement")
    public UnitView restore(@PathParam("id") long id, @QueryParam("version") Long version) {
        return units.restore(id, version);
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed(Roles.ORGANIZER)
    @Operation(summary = "Delete a unit that has no children and was never used by a session (else 409: retire it)")
    public Response delete(@PathParam("id") long id) {
        units.delete(id);
        return Response.noContent().build();
    }

    @POST
    @Path("import/preview")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed(Roles.ORGANIZER)
    @Operation(summary = "Read a .csv/.xlsx list of units and show, row by row, what importing it would do")
    public ImportPreview preview(@RestForm("file") FileUpload file) {
        return importer.preview(file, Messages.pick(headers.getAcceptableLanguages()));
    }

    @POST
    @Path("import")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed(Roles.ORGANIZER)
    @Operation(summary = "Import a .csv/.xlsx list of units: all rows or none (422 with the bad rows)")
    public UnitImportResult importUnits(@RestForm("file") FileUpload file) {
        return importer.importFile(file, Messages.pick(headers.getAcceptableLanguages()));
    }
}
