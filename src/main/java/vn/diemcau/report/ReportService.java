package vn.diemcau.report;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.diemcau.common.ProblemException;
import vn.diemcau.security.Access;
import vn.diemcau.security.CurrentUser;
import vn.diemcau.security.Roles;
import vn.diemcau.session.Session;
import vn.diemcau.session.SessionService;
import vn.diemcau.session.SessionStatus;

/** Brings the sections of an ended session together: the built-in ones and every feature's contribution. */
@ApplicationScoped
public class ReportService {
    /**
     * Sections other features are expected to contribute (key → order, heading). Until a bean with
     * the key exists, the report prints the heading with a "no data yet" note, so the filed report
     * says plainly what it does not cover.
     */
    static final Map<String, Placeholder> EXPECTED = new LinkedHashMap<>();

    record Placeholder(int order, String title) {}

    static {
        EXPECTED.put("attendance", new Placeholder(40, "Điểm danh đại biểu"));
        EXPECTED.put("documents", new Placeholder(50, "Tài liệu phát hành và lượt tiếp cận"));
        EXPECTED.put("polls", new Placeholder(60, "Kết quả biểu quyết, khảo sát"));
        EXPECTED.put("feedback", new Placeholder(70, "Tổng hợp phiếu đánh giá"));
        EXPECTED.put("floor", new Placeholder(80, "Đăng ký phát biểu và câu hỏi"));
    }

    static final String NO_DATA = "Chưa có dữ liệu cho phần này trong phiên bản hiện tại.";

    @Inject
    Instance<ReportSection> sections;

    @Inject
    SessionService sessions;

    @Inject
    Access access;

    @Inject
    CurrentUser user;

    @Inject
    Clock clock;

    @Transactional
    Report build(long sessionId) {
        if (!user.isOrganizer() && !user.is(Roles.OBSERVER)) throw ProblemException.forbidden("forbidden");
        access.requireRead(sessionId);
        Session s = sessions.require(sessionId);
        if (s.status != SessionStatus.ENDED) throw ProblemException.conflict("report.session-not-ended", s.status);
        record Entry(int order, String key, ReportContent content) {}
        List<Entry> entries = new ArrayList<>();
        Map<String, Placeholder> missing = new LinkedHashMap<>(EXPECTED);
        for (ReportSection section : sections) {
            missing.remove(section.key());
            ReportContent c = section.build(sessionId);
            if (c != null) entries.add(new Entry(section.order(), section.key(), c));
        }
        missing.forEach((key, p) ->
                entries.add(new Entry(p.order(), key, new ReportContent(p.title(), List.of(NO_DATA), List.of()))));
        entries.sort(Comparator.comparingInt(Entry::order).thenComparing(Entry::key));
        return new Report(
                s.id,
                s.title,
                Instant.now(clock),
                entries.stream().map(Entry::content).toList());
    }
}
