package vn.diemcau.security;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Map;
import org.jboss.logging.Logger;

/** Turns a presented invitation token into a participant identity bound to one delegate. */
@ApplicationScoped
public class InvitationIdentityProvider implements IdentityProvider<InvitationAuthenticationMechanism.Request> {
    @Inject
    Instance<InvitationDirectory> directory;

    @Inject
    InvitationCache cache;

    @Override
    public Class<InvitationAuthenticationMechanism.Request> getRequestType() {
        return InvitationAuthenticationMechanism.Request.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(
            InvitationAuthenticationMechanism.Request request, AuthenticationRequestContext context) {
        if (!InvitationTokens.wellFormed(request.token)) {
            return Uni.createFrom().failure(new AuthenticationFailedException("malformed invitation"));
        }
        String hash = InvitationTokens.hash(request.token);
        InvitationDirectory.Invitation known = cache.get(hash);
        if (known != null) return Uni.createFrom().item(identity(known));
        return context.runBlocking(() -> {
            if (!directory.isResolvable()) throw new AuthenticationFailedException("unknown invitation");
            long epoch = cache.epoch();
            InvitationDirectory.Invitation inv = QuarkusTransaction.requiringNew()
                    .call(() -> directory.get().findByTokenHash(hash))
                    .orElseThrow(() -> new AuthenticationFailedException("unknown invitation"));
            cache.put(hash, inv, epoch);
            if (cache.claimSession(inv.sessionId())) {
                long before = cache.epoch();
                Map<String, InvitationDirectory.Invitation> all = null;
                try {
                    all = QuarkusTransaction.requiringNew()
                            .call(() -> directory.get().allOfSession(inv.sessionId()));
                } catch (RuntimeException e) {
                    // this phone is known already; the others look themselves up until a later read works
                    Logger.getLogger(InvitationIdentityProvider.class)
                            .warnf("invitations of session %d not read in bulk: %s", inv.sessionId(), e);
                } finally {
                    cache.putSession(inv.sessionId(), all, before);
                }
            }
            return identity(inv);
        });
    }

    private static SecurityIdentity identity(InvitationDirectory.Invitation inv) {
        QuarkusSecurityIdentity.Builder b = QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(inv.principal()))
                .addRole(Roles.PARTICIPANT)
                .addAttribute(InvitationAuthenticationMechanism.ATTR_DELEGATE_ID, inv.delegateId())
                .addAttribute(InvitationAuthenticationMechanism.ATTR_SESSION_ID, inv.sessionId())
                .addAttribute(InvitationAuthenticationMechanism.ATTR_DELEGATE_NAME, inv.fullName());
        if (inv.pointId() != null) {
            b.addAttribute(InvitationAuthenticationMechanism.ATTR_POINT_ID, inv.pointId());
        }
        return b.build();
    }
}
