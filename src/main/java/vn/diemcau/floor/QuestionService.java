package vn.diemcau.floor;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import vn.diemcau.audit.AuditService;
import vn.diemcau.common.ProblemException;
import vn.diemcau.common.Text;
import vn.diemcau.roster.DelegateService;
import vn.diemcau.roster.DelegateView;
import vn.diemcau.security.Access;
import vn.diemcau.security.CurrentUser;
import vn.diemcau.security.Roles;
import vn.diemcau.session.Session;
import vn.diemcau.session.SessionService;

/**
 * Written questions: participants send them (one per submission, a length limit, a rate limit per
 * delegate); organizers moderate. Who sees what: organizers and observers everything; everyone
 * else the approved and answered ones, and a participant also their own whatever their state.
 */
@ApplicationScoped
public class QuestionService {
    private static final String TARGET = "question";

    @Inject
    Clock clock;

    @Inject
    Access access;

    @Inject
    CurrentUser user;

    @Inject
    AuditService audit;

    @Inject
    SessionService sessions;

    @Inject
    DelegateService delegates;

    @Inject
    QuestionConfig config;

    @Inject
    Event<QuestionAsked> asked;

    @Inject
    Event<QuestionModerated> moderated;

    @Transactional
    public QuestionView ask(long sessionId, QuestionRequest request) {
        var invitee = user.invitee()
                .filter(i -> i.sessionId() == sessionId)
                .orElseThrow(() -> ProblemException.forbidden("question.participants-only"));
        String text = Text.clean(request == null ? null : request.text());
        if (text == null) throw ProblemException.badRequest("question.text-required");
        if (text.length() > config.maxLength())
            throw ProblemException.badRequest("question.too-long", config.maxLength());
        Session s = sessions.require(sessionId);
        if (!s.status.open()) throw ProblemException.conflict("question.session-not-open", s.status);
        Instant now = Instant.now(clock);
        long recent = Question.count(
                "delegateId = ?1 and sessionId = ?2 and askedAt > ?3",
                invitee.delegateId(),
                sessionId,
                now.minus(config.window()));
        if (recent >= config.perWindow())
            throw new ProblemException(
                    429,
                    "question.rate-limited",
                    config.perWindow(),
                    config.window().toMinutes());
        DelegateView d = delegates.participant(invitee.delegateId());
        Question q = new Question();
        q.sessionId = sessionId;
        q.delegateId = d.id();
        q.authorName = d.fullName();
        q.pointId = d.pointId();
        q.pointName = d.pointName();
        q.text = text;
        q.status = QuestionStatus.PENDING;
        q.askedAt = now;
        q.persist();
        audit.record(sessionId, d.pointId(), "question.asked", TARGET, q.id, null);
        asked.fire(new QuestionAsked(sessionId, q.id, pending(sessionId)));
        return QuestionView.from(q);
    }

    /** The questions the caller may see, newest first; {@code status} filters (moderators). */
    @Transactional
    public List<QuestionView> list(long sessionId, QuestionStatus status) {
        access.requireRead(sessionId);
        sessions.require(sessionId);
        List<Question> all = status == null
                ? Question.list("sessionId = ?1 order by askedAt desc, id desc", sessionId)
                : Question.list("sessionId = ?1 and status = ?2 order by askedAt desc, id desc", sessionId, status);
        if (moderatorView()) return all.stream().map(QuestionView::from).toList();
        Long me = user.invitee().map(i -> i.delegateId()).orElse(null);
        return all.stream()
                .filter(q -> q.status.visibleToAll() || (me != null && q.delegateId == me))
                .map(QuestionView::from)
                .toList();
    }

    /** The public questions (approved, then answered), oldest first: the big screen's list. */
    @Transactional
    public List<QuestionView> published(long sessionId) {
        access.requireRead(sessionId);
        return Question.<Question>list(
                        "sessionId = ?1 and status in ?2 order by moderatedAt, id",
                        sessionId,
                        List.of(QuestionStatus.APPROVED, QuestionStatus.ANSWERED))
                .stream()
                .map(QuestionView::from)
                .toList();
    }

    @Transactional
    public QuestionView moderate(long sessionId, long questionId, QuestionModeration m) {
        if (!user.isOrganizer()) throw ProblemException.forbidden("forbidden");
        if (m == null || m.action() == null) throw ProblemException.badRequest("question.action-required");
        sessions.require(sessionId);
        Question q = require(sessionId, questionId);
        if (q.status == QuestionStatus.MERGED) throw ProblemException.conflict("question.already-merged", q.id);
        switch (m.action()) {
            case APPROVE -> {
                if (q.status == QuestionStatus.APPROVED || q.status == QuestionStatus.ANSWERED)
                    throw ProblemException.conflict("question.already", q.id, q.status);
                q.status = QuestionStatus.APPROVED;
            }
            case ANSWER -> {
                if (q.status == QuestionStatus.ANSWERED)
                    throw ProblemException.conflict("question.already", q.id, q.status);
                q.status = QuestionStatus.ANSWERED;
            }
            case HIDE -> {
                if (q.status == QuestionStatus.HIDDEN)
                    throw ProblemException.conflict("question.already", q.id, q.status);
                q.status = QuestionStatus.HIDDEN;
            }
            case MERGE -> {
                if (m.intoId() == null || m.intoId() == q.id)
                    throw ProblemException.badRequest("question.merge-target-invalid");
                Question into = Question.findById(m.intoId());
                if (into == null || into.sessionId != sessionId)
                    throw ProblemException.badRequest("question.merge-target-invalid");
                if (into.status == QuestionStatus.MERGED || into.status == QuestionStatus.HIDDEN)
                    throw ProblemException.conflict("question.merge-target-closed", into.id, into.status);
                q.status = QuestionStatus.MERGED;
                q.mergedIntoId = into.id;
            }
        }
        q.moderatedAt = Instant.now(clock);
        q.moderatedBy = user.name();
        audit.record(
                sessionId,
                q.pointId,
                "question." + m.action().name().toLowerCase(),
                TARGET,
                q.id,
                q.mergedIntoId == null ? null : "into " + q.mergedIntoId);
        QuestionView v = QuestionView.from(q);
        moderated.fire(new QuestionModerated(
                sessionId, q.id, q.status, q.mergedIntoId, q.status.visibleToAll() ? v : null, pending(sessionId)));
        return v;
    }

    private boolean moderatorView() {
        return user.isOrganizer() || user.is(Roles.OBSERVER);
    }

    private static long pending(long sessionId) {
        return Question.count("sessionId = ?1 and status = ?2", sessionId, QuestionStatus.PENDING);
    }

    private static Question require(long sessionId, long questionId) {
        Question q = Question.findById(questionId);
        if (q == null || q.sessionId != sessionId) throw ProblemException.notFound("question", questionId);
        return q;
    }
}
