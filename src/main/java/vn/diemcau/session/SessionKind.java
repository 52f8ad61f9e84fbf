package vn.diemcau.session;

/** hội nghị · lớp bồi dưỡng · tập huấn/hội thảo */
public enum SessionKind {
    CONFERENCE,
    TRAINING,
    WORKSHOP
}
