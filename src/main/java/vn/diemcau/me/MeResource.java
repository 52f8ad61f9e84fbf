package vn.diemcau.me;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.diemcau.security.CurrentUser;
import vn.diemcau.security.Roles;

/** Who am I, and the browser's sign-in entry point. */
@Path("/api")
@Tag(name = "Me")
public class MeResource {
    @Inject
    CurrentUser user;

    public record MeView(
            boolean authenticated,
            String username,
            String displayName,
            List<String> roles,
            Long sessionId,
            Long delegateId) {}

    @GET
    @Path("me")
    @Operation(summary = "The caller: staff (roles from the token), participant, or anonymous")
    public MeView me() {
        var invitee = user.invitee();
        List<String> roles = Stream.of(Roles.ORGANIZER, Roles.OPERATOR, Roles.OBSERVER, Roles.PARTICIPANT)
                .filter(user::is)
                .toList();
        boolean anon = "anonymous".equals(user.name());
        return new MeView(
                !anon,
                anon ? null : user.name(),
                anon ? null : user.displayName(),
                roles,
                invitee.map(CurrentUser.Invitee::sessionId).orElse(null),
                invitee.map(CurrentUser.Invitee::delegateId).orElse(null));
    }

    /**
     * Browsers come here to sign in: the "web" OIDC tenant sends them to the provider and back,
     * then this sends them on to where they were (a path inside this app, never another site).
     */
    @GET
    @Path("auth/login")
    @Authenticated // also guarded by the HTTP permission "sign-in", which triggers the redirect
    @Operation(summary = "Start the browser sign-in; redirects to ?next= (a local path) afterwards")
    public Response login(@QueryParam("next") String next) {
        String target =
                next != null && next.startsWith("/") && !next.startsWith("//") && !next.contains("\\") ? next : "/";
        return Response.seeOther(URI.create(target)).build();
    }
}
