package vn.diemcau.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.diemcau.common.ProblemException;
import vn.diemcau.security.Roles;

/** The live state and the live commands over plain HTTP, for clients that cannot keep a socket. */
@Path("/api/sessions/{sessionId}/live")
@Tag(name = "Live")
@Produces(MediaType.APPLICATION_JSON)
public class LiveResource {
    @Inject
    LiveService live;

    @Inject
    EventStream stream;

    @Inject
    ObjectMapper json;

    @GET
    @RolesAllowed({Roles.ORGANIZER, Roles.OPERATOR, Roles.OBSERVER, Roles.PARTICIPANT})
    @Operation(summary = "The live.snapshot a socket would get now, with its seq")
    public String snapshot(@PathParam("sessionId") long sessionId) {
        long seq = stream.lastSeq(sessionId);
        return LiveJson.text(json, seq, live.snapshot(sessionId, seq));
    }

    @POST
    @Path("/commands")
    @Consumes(MediaType.APPLICATION_JSON)
    // Participants send their poll votes here too; every command checks who may send it.
    @RolesAllowed({Roles.ORGANIZER, Roles.OPERATOR, Roles.PARTICIPANT})
    @Operation(
            summary = "Applies a live command once",
            description = "The body is a command of the live protocol; its commandId may come in the "
                    + "Idempotency-Key header instead. 200 live.ack, or problem JSON (a resend gets the same answer).")
    @Blocking // every command but a vote reads and writes the database on this thread
    public CompletionStage<Response> command(
            @PathParam("sessionId") long sessionId,
            @HeaderParam("Idempotency-Key") String idempotencyKey,
            JsonNode body) {
        if (!(body instanceof ObjectNode node)) throw ProblemException.badRequest("live.bad-message");
        if (idempotencyKey != null && !node.hasNonNull("commandId")) node.put("commandId", idempotencyKey);
        ClientMessage m;
        try {
            m = json.treeToValue(node, ClientMessage.class);
        } catch (IOException e) {
            throw ProblemException.badRequest("live.bad-message");
        }
        if (!(m instanceof ClientMessage.Command command)) throw ProblemException.badRequest("live.bad-message");
        return live.executeAsync(sessionId, command).thenApply(o -> {
            if (!o.ok())
                throw new ProblemException(o.status(), o.code(), o.args().toArray());
            return Response.ok(LiveJson.text(json, new ServerMessage.Ack(command.commandId(), true)))
                    .build();
        });
    }
}
