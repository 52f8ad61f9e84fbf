package vn.diemcau.agenda;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
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

@Path("/api/sessions/{sessionId}/agenda")
@Tag(name = "Agenda", description = "The programme of a session: items, times, order")
public class AgendaResource {
    @Inject
    AgendaService agenda;

    @GET
    @RolesAllowed({Roles.ORGANIZER, Roles.OBSERVER, Roles.OPERATOR, Roles.PARTICIPANT})
    @Operation(summary = "The agenda in order, with effective planned start and end of every item")
    public List<AgendaItemView> list(@PathParam("sessionId") long sessionId) {
        return agenda.list(sessionId);
    }

    @POST
    @RolesAllowed(Roles.ORGANIZER)
    @Operation(summary = "Append an item (while the session is DRAFT or SCHEDULED)")
    public Response create(@PathParam("sessionId") long sessionId, @Valid @NotNull AgendaItemRequest request) {
        AgendaItemView v = agenda.create(sessionId, request);
        return Response.status(201)
                .entity(v)
                .header("Location", "/api/sessions/" + sessionId + "/agenda/" + v.id())
                .build();
    }

    @PUT
    @Path("{itemId: \\d+}")
    @RolesAllowed(Roles.ORGANIZER)
    @Operation(summary = "Edit an item")
    public AgendaItemView update(
            @PathParam("sessionId") long sessionId,
            @PathParam("itemId") long itemId,
            @Valid @NotNull AgendaItemRequest request) {
        return agenda.update(sessionId, itemId, request);
    }

    @DELETE
    @Path("{itemId: \\d+}")
    @RolesAllowed(Roles.ORGANIZER)
    @Operation(summary = "Remove an item; the ones after it move up")
    public Response delete(@PathParam("sessionId") long sessionId, @PathParam("itemId") long itemId) {
        agenda.delete(sessionId, itemId);
        return Response.noContent().build();
    }

    @PUT
    @Path("order")
    @RolesAllowed(Roles.ORGANIZER)
    @Operation(summary = "Put the items in a new order (the full list of item ids)")
    public List<AgendaItemView> reorder(
            @PathParam("sessionId") long sessionId, @Valid @NotNull AgendaOrderRequest request) {
        return agenda.reorder(sessionId, request);
    }
}
