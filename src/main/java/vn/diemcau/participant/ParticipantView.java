package vn.diemcau.participant;

import vn.diemcau.roster.DelegateView;
import vn.diemcau.session.SessionView;

/** What a participant sees about themselves: who they are invited as, where, and to which session. */
public record ParticipantView(
        long delegateId,
        String fullName,
        String position,
        String unitName,
        Long pointId,
        String pointName,
        SessionView session) {
    static ParticipantView from(DelegateView d, SessionView session) {
        return new ParticipantView(
                d.id(), d.fullName(), d.position(), d.unitName(), d.pointId(), d.pointName(), session);
    }
}
