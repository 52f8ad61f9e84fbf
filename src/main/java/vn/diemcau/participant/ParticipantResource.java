package vn.diemcau.participant;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.diemcau.security.CurrentUser;
import vn.diemcau.security.InvitationAuthenticationMechanism;
import vn.diemcau.security.Roles;

/**
 * Participants have no accounts: the page behind an invitation link posts its token here once and
 * gets an HttpOnly cookie, so the token leaves the address bar and never travels in a URL again.
 */
@Path("/api/participant")
@Tag(name = "Participant", description = "A delegate's own access through their invitation")
public class ParticipantResource {
    /** After the session ends the cookie still lasts this long, for materials and the feedback form. */
    static final Duration AFTER_END = Duration.ofDays(30);
    /** For sessions without an end time yet. */
    static final Duration UNDATED = Duration.ofDays(180);

    @Inject
    ParticipantService participants;

    @Inject
    CurrentUser user;

    @Inject
    Clock clock;

    @ConfigProperty(name = "diemcau.invitation.cookie-secure")
    boolean secureCookie;

    @POST
    @Path("session")
    @PermitAll
    @Operation(summary = "Open an invitation: checks the token and sets the participant cookie")
    public Response open(@Valid @NotNull ParticipantSessionRequest request) {
        ParticipantView v = participants.open(request.token());
        Instant until = v.session().endsAt() == null
                ? Instant.now(clock).plus(UNDATED)
                : v.session().endsAt().plus(AFTER_END);
        long maxAge = Math.max(
                Duration.ofDays(1).toSeconds(),
                Duration.between(Instant.now(clock), until).toSeconds());
        return Response.ok(v)
                .cookie(cookie(request.token().strip(), (int) Math.min(maxAge, Integer.MAX_VALUE)))
                .build();
    }

    @GET
    @Path("me")
    @RolesAllowed(Roles.PARTICIPANT)
    @Operation(summary = "The participant: their delegate entry, point and session")
    public ParticipantView me() {
        return participants.me(user.invitee().orElseThrow().delegateId());
    }

    @POST
    @Path("logout")
    @PermitAll
    @Operation(summary = "Forget the invitation on this device (clears the cookie)")
    public Response logout() {
        return Response.noContent().cookie(cookie("", 0)).build();
    }

    private NewCookie cookie(String value, int maxAge) {
        return new NewCookie.Builder(InvitationAuthenticationMechanism.COOKIE)
                .value(value)
                .path("/")
                .httpOnly(true)
                .secure(secureCookie)
                .sameSite(NewCookie.SameSite.LAX)
                .maxAge(maxAge)
                .build();
    }
}
