package vn.diemcau.registration;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** What people without an account reach: the registration form behind a link, and their status. */
@Path("/api/registration")
@Tag(name = "Registration", description = "Registration for a session: settings, links, approval queue")
public class PublicRegistrationResource {
    @Inject
    RegistrationService registrations;

    @GET
    @Path("links/{token}")
    @PermitAll
    @Operation(summary = "The registration form of a link: session, deadline, points (full ones marked)")
    public RegistrationForm form(@PathParam("token") String token) {
        return registrations.form(token);
    }

    @POST
    @Path("links/{token}")
    @PermitAll
    @Operation(
            summary = "Register through a link; pending until approved. The answer's status link is the only"
                    + " way back to the registration (409 when closed, past the deadline or the point is full)")
    public Response register(@PathParam("token") String token, @Valid @NotNull RegistrationRequest request) {
        return Response.status(201)
                .entity(registrations.register(token, request))
                .header("Cache-Control", "no-store")
                .build();
    }

    @GET
    @Path("status/{token}")
    @PermitAll
    @Operation(
            summary =
                    "A registrant's own registration: its state, the reason of a rejection, the invitation once approved")
    public Response status(@PathParam("token") String token) {
        return Response.ok(registrations.status(token))
                .header("Cache-Control", "private, no-store")
                .build();
    }
}
