package vn.diemcau.roster;

public record DelegateView(
        long id,
        long sessionId,
        String fullName,
        String position,
        String unitName,
        String category,
        Long pointId,
        String pointName,
        String phone,
        String email,
        String note,
        boolean invitationActive,
        long version) {
    static DelegateView from(Delegate d, String pointName) {
        return new DelegateView(
                d.id,
                d.sessionId,
                d.fullName,
                d.position,
                d.unitName,
                d.category,
                d.pointId,
                pointName,
                d.phone,
                d.email,
                d.note,
                d.invitationActive(),
                d.version);
    }
}
