package vn.diemcau.participant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import vn.diemcau.common.ProblemException;
import vn.diemcau.roster.DelegateService;
import vn.diemcau.roster.DelegateView;
import vn.diemcau.security.InvitationDirectory;
import vn.diemcau.security.InvitationTokens;
import vn.diemcau.session.SessionService;
import vn.diemcau.session.SessionView;

@ApplicationScoped
public class ParticipantService {
    @Inject
    InvitationDirectory invitations;

    @Inject
    DelegateService delegates;

    @Inject
    SessionService sessions;

    /** The participant behind a presented token, or 401 for a garbled, unknown or revoked one. */
    @Transactional
    public ParticipantView open(String token) {
        String t = token.strip();
        if (!InvitationTokens.wellFormed(t)) throw invalid();
        var invitation = invitations.findByTokenHash(InvitationTokens.hash(t)).orElseThrow(ParticipantService::invalid);
        return me(invitation.delegateId());
    }

    @Transactional
    public ParticipantView me(long delegateId) {
        DelegateView d = delegates.participant(delegateId);
        // no access check here: the caller is this very delegate, bound to this session
        return ParticipantView.from(d, SessionView.from(sessions.require(d.sessionId())));
    }

    private static ProblemException invalid() {
        return new ProblemException(401, "invitation.invalid");
    }
}
