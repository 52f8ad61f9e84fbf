package vn.diemcau.feedback;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import vn.diemcau.audit.AuditService;
import vn.diemcau.common.ProblemException;
import vn.diemcau.common.Text;
import vn.diemcau.security.Access;
import vn.diemcau.security.CurrentUser;
import vn.diemcau.session.SessionService;
import vn.diemcau.session.SessionStatus;
import vn.diemcau.session.SessionStatusChanged;

/**
 * Feedback forms: reusable templates, the session's copy, opening it (when the session ends, at a
 * set time, or by hand), one response per delegate, and the summary.
 */
@ApplicationScoped
public class FeedbackService {
    static final int MAX_QUESTIONS = 50;
    static final int MAX_TEXT = 2000;
    private static final String TARGET = "feedback-form";

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
    Event<FeedbackFormChanged> changed;

    // --- templates ---

    @Transactional
    public List<FeedbackTemplateView> templates() {
        List<FeedbackTemplate> all = FeedbackTemplate.listAll();
        return all.stream()
                .sorted((a, b) -> Text.collator().compare(a.name, b.name))
                .map(FeedbackTemplateView::from)
                .toList();
    }

    @Transactional
    public FeedbackTemplateView template(long id) {
        return FeedbackTemplateView.from(requireTemplate(id));
    }

    @Transactional
    public FeedbackTemplateView createTemplate(FeedbackTemplateRequest r) {
        FeedbackTemplate t = new FeedbackTemplate();
        t.createdAt = Instant.now(clock);
        applyTemplate(t, r);
        t.persist();
        audit.record(null, "feedback.template.created", "feedback-template", t.id, t.name);
        return FeedbackTemplateView.from(t);
    }

    @Transactional
    public FeedbackTemplateView updateTemplate(long id, FeedbackTemplateRequest r) {
        FeedbackTemplate t = requireTemplate(id);
        applyTemplate(t, r);
        audit.record(null, "feedback.template.updated", "feedback-template", t.id, t.name);
        return FeedbackTemplateView.from(t);
    }

    @Transactional
    public void deleteTemplate(long id) {
        FeedbackTemplate t = requireTemplate(id);
        t.delete();
        audit.record(null, "feedback.template.deleted", "feedback-template", id, t.name);
    }

    // --- the session's form ---

    @Transactional
    public FeedbackFormView form(long sessionId) {
        access.requireRead(sessionId);
        FeedbackForm f = requireForm(sessionId);
        if (user.isParticipant() && f.status == FeedbackFormStatus.DRAFT)
            throw ProblemException.notFound("feedback-form", sessionId);
        return view(f);
    }

    /**
     * Organizer: gives the session its form (again, while it is a draft): the questions given, or
     * else a copy of the template's.
     */
    @Transactional
    public FeedbackFormView setForm(long sessionId, FeedbackFormRequest r) {
        sessions.require(sessionId);
        List<FeedbackQuestion> questions;
        String source;
        String title = Text.clean(r.title());
        if (r.questions() != null) {
            questions = questions(r.questions());
            FeedbackTemplate t = r.templateId() == null ? null : requireTemplate(r.templateId());
            source = t == null ? null : t.name;
            if (title == null) title = source;
            if (title == null) throw ProblemException.badRequest("feedback.title-required");
        } else {
            if (r.templateId() == null) throw ProblemException.badRequest("feedback.template-required");
            FeedbackTemplate t = requireTemplate(r.templateId());
            questions = t.questions.stream().map(FeedbackQuestion::copy).toList();
            source = t.name;
            if (title == null) title = t.name;
        }
        if (title.length() > 300) throw ProblemException.badRequest("feedback.title-too-long", 300);
        FeedbackForm f = FeedbackForm.find("sessionId", sessionId).firstResult();
        Instant now = Instant.now(clock);
        if (f == null) {
            f = new FeedbackForm();
            f.sessionId = sessionId;
            f.createdAt = now;
        } else if (f.status != FeedbackFormStatus.DRAFT) {
            throw ProblemException.conflict("feedback.form-not-draft", f.status);
        }
        f.title = title;
        f.openOnEnd = r.openOnEnd() == null || r.openOnEnd();
        f.opensAt = r.opensAt();
        f.questions.clear();
        f.questions.addAll(questions);
        f.updatedAt = now;
        if (f.id == null) f.persist();
        audit.record(sessionId, "feedback.form.set", TARGET, f.id, source == null ? title : source);
        return view(f);
    }

    @Transactional
    public FeedbackFormView open(long sessionId) {
        FeedbackForm f = requireForm(sessionId);
        if (f.status != FeedbackFormStatus.DRAFT) throw ProblemException.conflict("feedback.form-not-draft", f.status);
        openNow(f);
        return view(f);
    }

    @Transactional
    public FeedbackFormView close(long sessionId) {
        FeedbackForm f = requireForm(sessionId);
        if (f.status != FeedbackFormStatus.OPEN) throw ProblemException.conflict("feedback.form-not-open", f.status);
        f.status = FeedbackFormStatus.CLOSED;
        f.closedAt = Instant.now(clock);
        f.updatedAt = f.closedAt;
        audit.record(sessionId, "feedback.form.closed", TARGET, f.id, null);
        changed.fire(new FeedbackFormChanged(sessionId, f.id, f.status, f.closedAt));
        return view(f);
    }

    /** A delegate's answers, once: every question answered correctly or nothing is stored. */
    @Transactional
    public FeedbackFormView respond(long sessionId, FeedbackResponseRequest r) {
        CurrentUser.Invitee me =
                user.invitee().orElseThrow(() -> ProblemException.forbidden("feedback.participants-only"));
        if (me.sessionId() != sessionId) throw ProblemException.forbidden("forbidden");
        FeedbackForm f = requireForm(sessionId);
        if (f.status != FeedbackFormStatus.OPEN) throw ProblemException.conflict("feedback.form-not-open", f.status);
        if (FeedbackResponse.count("formId = ?1 and delegateId = ?2", f.id, me.delegateId()) > 0)
            throw ProblemException.conflict("feedback.already-answered");
        List<FeedbackAnswer> answers = validate(f, r);
        FeedbackResponse resp = new FeedbackResponse();
        resp.formId = f.id;
        resp.delegateId = me.delegateId();
        resp.pointId = me.pointId();
        resp.submittedAt = Instant.now(clock);
        resp.answers.addAll(answers);
        resp.persistAndFlush();
        return view(f);
    }

    @Transactional
    public FeedbackSummary summary(long sessionId) {
        FeedbackForm f = requireForm(sessionId);
        List<FeedbackResponse> responses = FeedbackResponse.list("formId = ?1 order by submittedAt, id", f.id);
        List<FeedbackSummary.Question> qs = new ArrayList<>();
        for (int i = 0; i < f.questions.size(); i++) {
            FeedbackQuestion q = f.questions.get(i);
            int pos = i;
            List<FeedbackAnswer> given = responses.stream()
                    .flatMap(x -> x.answers.stream())
                    .filter(a -> a.position == pos)
                    .toList();
            int buckets =
                    q.kind == FeedbackQuestionKind.RATING ? 5 : q.optionList().size();
            long[] dist = new long[buckets];
            long sum = 0;
            long answered = 0;
            List<String> texts = new ArrayList<>();
            for (FeedbackAnswer a : given) {
                switch (q.kind) {
                    case RATING -> {
                        if (a.rating == null) continue;
                        dist[a.rating - 1]++;
                        sum += a.rating;
                        answered++;
                    }
                    case CHOICE -> {
                        if (a.choice == null || a.choice >= buckets) continue;
                        dist[a.choice]++;
                        answered++;
                    }
                    case TEXT -> {
                        if (a.text == null) continue;
                        texts.add(a.text);
                        answered++;
                    }
                }
            }
            Double average = q.kind == FeedbackQuestionKind.RATING && answered > 0
                    ? Math.round(sum * 100.0 / answered) / 100.0
                    : null;
            qs.add(new FeedbackSummary.Question(
                    i,
                    q.kind,
                    q.text,
                    q.optionList(),
                    answered,
                    average,
                    java.util.Arrays.stream(dist).boxed().toList(),
                    texts));
        }
        return new FeedbackSummary(f.id, f.title, f.status, responses.size(), qs);
    }

    // --- opening by itself ---

    void onSessionEnded(@Observes(during = TransactionPhase.AFTER_SUCCESS) SessionStatusChanged e) {
        if (e.to() != SessionStatus.ENDED) return;
        QuarkusTransaction.requiringNew().run(() -> {
            FeedbackForm f = FeedbackForm.find("sessionId", e.sessionId()).firstResult();
            if (f != null && f.status == FeedbackFormStatus.DRAFT && f.openOnEnd) openNow(f);
        });
    }

    @Scheduled(
            identity = "feedback-open-due",
            every = "${diemcau.feedback.check-every:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void openDue() {
        List<FeedbackForm> due =
                FeedbackForm.list("status = ?1 and opensAt <= ?2", FeedbackFormStatus.DRAFT, Instant.now(clock));
        due.forEach(this::openNow);
    }

    // --- helpers ---

    private void openNow(FeedbackForm f) {
        f.status = FeedbackFormStatus.OPEN;
        f.openedAt = Instant.now(clock);
        f.updatedAt = f.openedAt;
        audit.record(f.sessionId, "feedback.form.opened", TARGET, f.id, null);
        changed.fire(new FeedbackFormChanged(f.sessionId, f.id, f.status, f.openedAt));
    }

    FeedbackForm requireForm(long sessionId) {
        FeedbackForm f = FeedbackForm.find("sessionId", sessionId).firstResult();
        if (f == null) throw ProblemException.notFound("feedback-form", sessionId);
        return f;
    }

    private static FeedbackTemplate requireTemplate(long id) {
        FeedbackTemplate t = FeedbackTemplate.findById(id);
        if (t == null) throw ProblemException.notFound("feedback-template", id);
        return t;
    }

    private FeedbackFormView view(FeedbackForm f) {
        boolean participant = user.isParticipant();
        boolean answered = user.invitee()
                .map(me -> FeedbackResponse.count("formId = ?1 and delegateId = ?2", f.id, me.delegateId()) > 0)
                .orElse(false);
        return new FeedbackFormView(
                f.id,
                f.sessionId,
                f.title,
                f.status,
                f.openOnEnd,
                f.opensAt,
                f.openedAt,
                f.closedAt,
                FeedbackQuestionView.all(f.questions),
                participant ? null : FeedbackResponse.count("formId", f.id),
                answered);
    }

    private void applyTemplate(FeedbackTemplate t, FeedbackTemplateRequest r) {
        String name = Text.clean(r.name());
        if (name == null) throw ProblemException.badRequest("feedback.name-required");
        if (name.length() > 300) throw ProblemException.badRequest("feedback.title-too-long", 300);
        List<FeedbackQuestion> qs = questions(r.questions());
        t.name = name;
        t.questions.clear();
        t.questions.addAll(qs);
        t.updatedAt = Instant.now(clock);
    }

    /** Checks a question list (1–50; CHOICE with 2–20 distinct options) and makes its questions. */
    private static List<FeedbackQuestion> questions(List<FeedbackQuestionView> list) {
        List<FeedbackQuestionView> given = list == null ? List.of() : list;
        if (given.isEmpty() || given.size() > MAX_QUESTIONS)
            throw ProblemException.badRequest("feedback.questions-count", MAX_QUESTIONS);
        List<FeedbackQuestion> qs = new ArrayList<>();
        for (FeedbackQuestionView v : given) {
            FeedbackQuestion q = new FeedbackQuestion();
            q.kind = v.kind();
            q.text = Text.clean(v.text());
            if (q.kind == null || q.text == null || q.text.length() > 500)
                throw ProblemException.badRequest("feedback.question-invalid", qs.size() + 1);
            if (q.kind == FeedbackQuestionKind.CHOICE) {
                List<String> opts = new ArrayList<>();
                for (String o : v.options() == null ? List.<String>of() : v.options()) {
                    String label = Text.clean(o);
                    if (label == null || label.length() > 200)
                        throw ProblemException.badRequest("feedback.question-invalid", qs.size() + 1);
                    opts.add(label);
                }
                if (opts.size() < 2 || opts.size() > 20 || new HashSet<>(opts).size() != opts.size())
                    throw ProblemException.badRequest("feedback.options-count", qs.size() + 1);
                q.options = String.join("\n", opts);
            }
            qs.add(q);
        }
        return qs;
    }

    private static List<FeedbackAnswer> validate(FeedbackForm f, FeedbackResponseRequest r) {
        List<FeedbackResponseRequest.Answer> given = r == null || r.answers() == null ? List.of() : r.answers();
        Set<Integer> seen = new HashSet<>();
        List<FeedbackAnswer> out = new ArrayList<>();
        for (FeedbackResponseRequest.Answer a : given) {
            if (a.position() < 0 || a.position() >= f.questions.size() || !seen.add(a.position()))
                throw ProblemException.badRequest("feedback.answer-invalid", a.position() + 1);
            FeedbackQuestion q = f.questions.get(a.position());
            FeedbackAnswer x = new FeedbackAnswer();
            x.position = a.position();
            switch (q.kind) {
                case RATING -> {
                    if (a.rating() == null || a.rating() < 1 || a.rating() > 5)
                        throw ProblemException.badRequest("feedback.rating-range", a.position() + 1);
                    x.rating = a.rating();
                }
                case CHOICE -> {
                    if (a.choice() == null
                            || a.choice() < 0
                            || a.choice() >= q.optionList().size())
                        throw ProblemException.badRequest("feedback.answer-invalid", a.position() + 1);
                    x.choice = a.choice();
                }
                case TEXT -> {
                    String t = Text.cleanLines(a.text());
                    if (t == null) continue;
                    if (t.length() > MAX_TEXT) throw ProblemException.badRequest("feedback.text-too-long", MAX_TEXT);
                    x.text = t;
                }
            }
            out.add(x);
        }
        // Ratings and choices are required; free text may stay empty.
        for (int i = 0; i < f.questions.size(); i++) {
            if (f.questions.get(i).kind != FeedbackQuestionKind.TEXT && !seen.contains(i))
                throw ProblemException.badRequest("feedback.answer-missing", i + 1);
        }
        return out;
    }
}
