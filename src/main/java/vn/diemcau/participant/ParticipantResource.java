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
        return Response.ok(v)
                .cookie(cookie(
                        request.token().strip(),
                        maxAge(Instant.now(clock), v.session().endsAt()),
                        secureCookie))
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
        return Response.noContent().cookie(cookie("", 0, secureCookie)).build();
    }

    /** Seconds the cookie lives: until a month after the session ends (at least a day), or half a year if undated. */
    static int maxAge(Instant now, Instant sessionEnd) {
        Instant until = sessionEnd == null ? now.plus(UNDATED) : sessionEnd.plus(AFTER_END);
        long seconds = Math.max(
                Duration.ofDays(1).toSeconds(), Duration.between(now, until).toSeconds());
        return (int) Math.min(seconds, Integer.MAX_VALUE);
    }

    static NewCookie cookie(String value, int maxAge, boolean secure) {
        return new NewCookie.Builder(InvitationAuthenticationMechanism.COOKIE)
                .value(value)
                .path("/")
                .httpOnly(true)
                .secure(secure)
                .sameSite(NewCookie.SameSite.LAX)
                .maxAge(maxAge)
                .build();
    }
}
