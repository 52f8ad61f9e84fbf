package vn.diemcau.document;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import vn.diemcau.agenda.AgendaItemStatus;
import vn.diemcau.agenda.AgendaItemView;
import vn.diemcau.agenda.AgendaService;
import vn.diemcau.audit.AuditService;
import vn.diemcau.common.ClockProducer;
import vn.diemcau.common.Downloads;
import vn.diemcau.common.ProblemException;
import vn.diemcau.common.Text;
import vn.diemcau.point.PointService;
import vn.diemcau.roster.DelegateService;
import vn.diemcau.roster.DelegateView;
import vn.diemcau.security.Access;
import vn.diemcau.security.CurrentUser;
import vn.diemcau.security.InvitationDirectory;
import vn.diemcau.security.Roles;
import vn.diemcau.session.Session;
import vn.diemcau.session.SessionService;
import vn.diemcau.session.SessionStatus;

/**
 * Conference materials: upload and versions, release and recall, who may see which, and every
 * download served and recorded.
 */
@ApplicationScoped
public class DocumentService {
    static final Set<String> AUDIENCE_ROLES = Set.of(Roles.OPERATOR, Roles.OBSERVER, Roles.PARTICIPANT);
    private static final String TARGET = "document";
    private static final int MAX_TITLE = 500;
    private static final int MAX_FILE_NAME = 255;
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(ClockProducer.ZONE);

    @Inject
    Clock clock;

    @Inject
    CurrentUser user;

    @Inject
    Access access;

    @Inject
    AuditService audit;

    @Inject
    SessionService sessions;

    @Inject
    AgendaService agenda;

    @Inject
    PointService points;

    @Inject
    DelegateService delegates;

    @Inject
    DocumentStore store;

    @Inject
    DocumentAccessCache accessCache;

    @Inject
    DownloadWriter downloadWriter;

    @Inject
    Event<DocumentReleased> releasedEvent;

    @Inject
    Event<DocumentRecalled> recalledEvent;

    // ------------------------------------------------------------------ reading

    /** The documents the caller may see: all of them for organizers, the released ones of their audience for others. */
    @Transactional
    public List<DocumentView> list(long sessionId) {
        Caller c = caller(sessionId);
        sessions.require(sessionId);
        return views(Document.ofSession(sessionId).stream().filter(c::sees).toList(), c.organizer);
    }

    /** For the live snapshot: the released documents the connection's caller may see. */
    @Transactional
    public List<DocumentView> released(long sessionId) {
        return list(sessionId).stream().filter(DocumentView::released).toList();
    }

    /** A released document for participants, with the points it is limited to (empty: every point). */
    public record ForParticipants(DocumentView view, Set<Long> points) {
        public boolean reaches(Long pointId) {
            return points.isEmpty() || (pointId != null && points.contains(pointId));
        }
    }

    /**
     * Every released document participants may see, each with its points: the live snapshot reads
     * this once for all participants of a session and keeps, per point, those that {@code reaches} it
     * (the same rule as {@link Caller#sees} for a participant).
     */
    @Transactional
    public List<ForParticipants> releasedToParticipants(long sessionId) {
        return Document.ofSession(sessionId).stream()
                .filter(d -> d.released && d.roles().contains(Roles.PARTICIPANT))
                .map(d -> new ForParticipants(view(d, false), Set.copyOf(d.points)))
                .toList();
    }

    @Transactional
    public DocumentView get(long sessionId, long documentId) {
        Caller c = caller(sessionId);
        Document d = visible(c, sessionId, documentId);
        return view(d, c.organizer);
    }

    // ------------------------------------------------------------------ upload

    /**
     * A new document with its first file. The metadata is checked before the body is read, the body
     * streams to disk, its content decides its type, and only then the rows are written and the
     * file moved in place: a refused upload leaves neither a row nor a file.
     */
    public DocumentView upload(long sessionId, DocumentRequest r, String fileName, long knownSize, InputStream body) {
        requireOrganizer();
        String name = fileName(fileName);
        QuarkusTransaction.requiringNew().run(() -> resolve(sessionId, r, name));
        return store(body, knownSize, name, (received, type) -> {
            Resolved v = resolve(sessionId, r, name);
            Document d = new Document();
            d.sessionId = sessionId;
            d.createdBy = user.name();
            d.createdAt = Instant.now(clock);
            v.applyTo(d, Instant.now(clock));
            d.persist();
            Path kept = addVersion(d, name, type, received);
            audit.record(sessionId, "document.created", TARGET, d.id, d.title + " — " + name);
            releaseIfDue(d, v.itemStatus, v.session.status);
            return new Stored(view(d, true), kept);
        });
    }

    /**
     * A new file for a document: new downloads get it, the audit keeps the old one, and the personal
     * copies of the old one are dropped.
     */
    public DocumentView upload(long sessionId, long documentId, String fileName, long knownSize, InputStream body) {
        requireOrganizer();
        String name = fileName(fileName);
        QuarkusTransaction.requiringNew().run(() -> require(sessionId, documentId));
        DocumentView view = store(body, knownSize, name, (received, type) -> {
            Document d = require(sessionId, documentId);
            Path kept = addVersion(d, name, type, received);
            d.updatedAt = Instant.now(clock);
            audit.record(sessionId, "document.version.added", TARGET, d.id, "v" + d.currentVersion + " — " + name);
            Document.flush();
            return new Stored(view(d, true), kept);
        });
        store.dropWatermarked(documentId, view.current().number());
        return view;
    }

    private record Stored(DocumentView view, Path file) {}

    private interface Writer {
        Stored write(DocumentStore.Received received, FileType type);
    }

    /** {@code knownSize}: the size when already known (a multipart file on disk), else -1. */
    private DocumentView store(InputStream body, long knownSize, String name, Writer writer) {
        if (knownSize > store.maxSize()) throw store.tooLarge();
        DocumentStore.Received received = store.receive(body);
        Path[] kept = new Path[1];
        try {
            FileType type = type(received.file(), name);
            return QuarkusTransaction.requiringNew().call(() -> {
                Stored s = writer.write(received, type);
                kept[0] = s.file();
                return s.view();
            });
        } catch (RuntimeException e) {
            if (kept[0] != null) DocumentStore.delete(kept[0]);
            throw e;
        } finally {
            DocumentStore.delete(received.file());
        }
    }

    private Path addVersion(Document d, String name, FileType type, DocumentStore.Received received) {
        DocumentVersion v = new DocumentVersion();
        v.documentId = d.id;
        v.number = d.currentVersion + 1;
        v.fileName = name;
        v.contentType = type.mediaType;
        v.size = received.size();
        v.sha256 = received.sha256();
        v.uploadedBy = user.name();
        v.uploadedAt = Instant.now(clock);
        v.persist();
        d.currentVersion = v.number;
        accessCache.forgetAfterCommit(d.id);
        DocumentVersion.flush();
        return store.keep(received, d.id, v.number);
    }

    private static FileType type(Path file, String name) {
        Optional<FileType> sniffed;
        try {
            sniffed = FileType.sniff(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        FileType t = sniffed.orElseThrow(() -> new ProblemException(415, "document.type-unsupported", name));
        if (!t.matchesName(name)) throw new ProblemException(415, "document.type-mismatch", name, t.name());
        return t;
    }

    // ------------------------------------------------------------------ edit, release, recall

    @Transactional
    public DocumentView update(long sessionId, long documentId, DocumentRequest r) {
        requireOrganizer();
        Document d = require(sessionId, documentId);
        if (r.version() != null && r.version() != d.version) throw ProblemException.conflict("stale");
        Resolved v = resolve(sessionId, r, d.title);
        v.applyTo(d, Instant.now(clock));
        d.updatedAt = Instant.now(clock);
        accessCache.forgetAfterCommit(d.id);
        audit.record(sessionId, "document.updated", TARGET, d.id, d.title);
        if (!d.released && d.recalledAt == null) releaseIfDue(d, v.itemStatus, v.session.status);
        Document.flush();
        return view(d, true);
    }

    @Transactional
    public DocumentView release(long sessionId, long documentId) {
        requireOrganizer();
        Document d = require(sessionId, documentId);
        if (!d.released) release(d);
        return view(d, true);
    }

    @Transactional
    public DocumentView recall(long sessionId, long documentId) {
        requireOrganizer();
        Document d = require(sessionId, documentId);
        if (d.released) {
            d.released = false;
            d.recalledAt = Instant.now(clock);
            d.updatedAt = d.recalledAt;
            accessCache.forgetAfterCommit(d.id);
            audit.record(sessionId, "document.recalled", TARGET, d.id, d.title);
            recalledEvent.fire(new DocumentRecalled(sessionId, d.id, d.recalledAt));
        }
        Document.flush();
        return view(d, true);
    }

    /** A recalled document's personal copies go once the recall is committed (a new release makes them again). */
    void dropCopies(@Observes(during = TransactionPhase.AFTER_SUCCESS) DocumentRecalled e) {
        store.dropWatermarked(e.documentId(), null);
    }

    /** After an item started (its own transaction, after the item's commit): its documents go out. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void releaseForItem(long sessionId, long itemId) {
        Document.<Document>list(
                        "sessionId = ?1 and agendaItemId = ?2 and releaseMode = ?3 and released = false"
                                + " and recalledAt is null order by id",
                        sessionId,
                        itemId,
                        ReleaseMode.ON_ITEM_START)
                .forEach(this::release);
    }

    /** After the session ended: the documents held for the end go out. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void releaseAtSessionEnd(long sessionId) {
        Document.<Document>list(
                        "sessionId = ?1 and releaseMode = ?2 and released = false and recalledAt is null order by id",
                        sessionId,
                        ReleaseMode.ON_SESSION_END)
                .forEach(this::release);
    }

    private void releaseIfDue(Document d, AgendaItemStatus itemStatus, SessionStatus sessionStatus) {
        boolean due = switch (d.releaseMode) {
            case NOW -> true;
            case ON_ITEM_START -> itemStatus == AgendaItemStatus.ACTIVE || itemStatus == AgendaItemStatus.DONE;
            case ON_SESSION_END -> sessionStatus == SessionStatus.ENDED;
        };
        if (due) release(d);
    }

    private void release(Document d) {
        d.released = true;
        d.releasedAt = Instant.now(clock);
        d.recalledAt = null;
        d.updatedAt = d.releasedAt;
        accessCache.forgetAfterCommit(d.id);
        audit.record(d.sessionId, "document.released", TARGET, d.id, d.title);
        releasedEvent.fire(new DocumentReleased(d.sessionId, d.id, d.agendaItemId, d.releasedAt));
    }

    // ------------------------------------------------------------------ download

    /** What a download sends: the file (the stored version or the recipient's watermarked copy) and how. */
    public record Served(
            Path file,
            long size,
            String etag,
            String fileName,
            String contentType,
            Classification classification,
            boolean watermarked) {
        /** The headers of the answer besides its length (and range): type, tag, caching, name. */
        public Map<String, String> headers() {
            Map<String, String> h = new LinkedHashMap<>();
            h.put("Content-Type", contentType);
            h.put("Accept-Ranges", "bytes");
            h.put("ETag", etag);
            h.put("Cache-Control", classification == Classification.CONFIDENTIAL ? "private, no-store" : "private");
            h.put("Content-Disposition", Downloads.attachment(fileName));
            h.put("X-Content-Type-Options", "nosniff");
            return h;
        }
    }

    /**
     * Checks the caller may have the document, prepares the file (watermarked for this recipient
     * when confidential PDF) and records the download. {@code continuation}: a Range request past
     * the first byte, which resumes a download already recorded rather than making a new recipient.
     * {@code range} looks at what would be served and says which part goes out (or refuses).
     *
     * <p>The common download (a participant's invitation or a staff token, a file served as stored)
     * reads nothing from the database: the access rule is applied to the document as {@link
     * DocumentAccessCache} holds it, and the record joins the next group commit of downloads, whose
     * commit it waits for ({@link DownloadWriter#record}).
     */
    public Served download(long sessionId, long documentId, Long pointId, RangeCheck range) {
        Caller c = caller(sessionId);
        DocumentAccessCache.Access d = accessCache.get(documentId);
        if (d == null || d.sessionId() != sessionId || !c.sees(d.released(), d.roles(), d.points()))
            throw ProblemException.notFound("document", documentId);
        boolean personal = personal(d);
        // a personal copy is stamped with the recipient's name and unit now; otherwise the
        // participant's labels are read with the batch that records the download
        Recipient who = recipient(c, d, pointId, personal);
        Served s = personal ? watermarked(d, who) : served(d);
        Optional<HttpRange> asked = range.apply(s);
        boolean continuation = asked.isPresent() && asked.get().start() > 0;
        downloadWriter.record(record(d, who, c.participant && !personal, s.watermarked(), continuation));
        return s;
    }

    /**
     * The whole-file download of a participant whose invitation this instance knows, decided from
     * memory alone (no request context, no read: it may run on the event loop), with the same rule
     * and the same record as {@link #download}. Completes once the record is committed. Null when
     * {@link #download} must decide: a document not held in memory now, one this participant may not
     * have (it answers the 404), a confidential PDF (a copy stamped for them).
     */
    public CompletableFuture<Served> downloadKnown(InvitationDirectory.Invitation me, long sessionId, long documentId) {
        DocumentAccessCache.Access d = accessCache.known(documentId);
        if (me.sessionId() != sessionId || d == null || d.sessionId() != sessionId || personal(d)) return null;
        if (!Caller.participant(me).sees(d.released(), d.roles(), d.points())) return null;
        Recipient who =
                new Recipient(me.principal(), Roles.PARTICIPANT, me.delegateId(), me.fullName(), null, me.pointId());
        Served s = served(d);
        return downloadWriter.recordAsync(record(d, who, true, false, false)).thenApply(recorded -> s);
    }

    /** A copy stamped for its recipient: a confidential PDF. */
    private static boolean personal(DocumentAccessCache.Access d) {
        return d.classification() == Classification.CONFIDENTIAL
                && FileType.ofMediaType(d.contentType()).orElse(null) == FileType.PDF;
    }

    private DownloadWriter.Item record(
            DocumentAccessCache.Access d,
            Recipient who,
            boolean fromRoster,
            boolean watermarked,
            boolean continuation) {
        return new DownloadWriter.Item(
                d.documentId(),
                d.versionId(),
                d.sessionId(),
                who,
                fromRoster,
                watermarked,
                Instant.now(clock),
                continuation);
    }

    /** Decides, from what would be served, which range (if any) goes out; throws to refuse (416). */
    public interface RangeCheck {
        Optional<HttpRange> apply(Served s);
    }

    private static Served served(DocumentAccessCache.Access d) {
        return new Served(d.file(), d.size(), d.etag(), d.fileName(), d.contentType(), d.classification(), false);
    }

    private Served watermarked(DocumentAccessCache.Access d, Recipient who) {
        String key = hex(DocumentStore.sha256().digest(who.actor.getBytes(StandardCharsets.UTF_8)))
                .substring(0, 24);
        try {
            Path copy = store.watermarked(
                    d.documentId(),
                    d.versionNumber(),
                    key,
                    target -> Watermark.apply(
                            d.file(),
                            target,
                            "Cấp cho: " + who.name,
                            who.unit == null ? "—" : who.unit,
                            STAMP.format(Instant.now(clock)) + " (giờ Việt Nam)"));
            // the copy's making time is in the tag: one made again after a sweep carries another
            // time in its stamp, so an If-Range of the old copy must not get a piece of the new one
            long made = Files.getLastModifiedTime(copy).to(TimeUnit.MICROSECONDS);
            String etag = "\""
                    + hex(DocumentStore.sha256()
                            .digest((d.sha256() + ":" + key + ":" + made).getBytes(StandardCharsets.UTF_8)))
                    + "\"";
            return new Served(copy, Files.size(copy), etag, d.fileName(), d.contentType(), d.classification(), true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Who receives a file: the name and unit a watermark carries and the audit keeps. */
    record Recipient(String actor, String role, Long delegateId, String name, String unit, Long pointId) {}

    /**
     * {@code labels}: the participant's name and unit are needed now (a watermark); otherwise the
     * invitation's name and point stand in until the record's batch reads the roster row.
     */
    private Recipient recipient(Caller c, DocumentAccessCache.Access d, Long pointId, boolean labels) {
        if (c.participant) {
            if (!labels)
                return new Recipient(
                        user.name(), Roles.PARTICIPANT, c.delegateId, user.displayName(), null, c.participantPoint);
            DelegateView me = delegates.participant(c.delegateId);
            return new Recipient(user.name(), Roles.PARTICIPANT, me.id(), me.fullName(), me.unitName(), me.pointId());
        }
        Long point = null;
        if (c.organizer) {
            if (pointId != null) point = pointId;
        } else if (c.operator && !c.operated.isEmpty()) {
            if (pointId != null) {
                if (!c.operated.contains(pointId)) throw ProblemException.forbidden("point.not-assigned");
                point = pointId;
            } else {
                point = c.operated.stream()
                        .filter(p -> d.points().isEmpty() || d.points().contains(p))
                        .min(Long::compare)
                        .orElse(null);
            }
        }
        String unit = point != null
                ? points.require(d.sessionId(), point).name
                : c.organizer ? "Ban tổ chức" : user.is(Roles.OBSERVER) ? "Đại biểu theo dõi" : null;
        return new Recipient(user.name(), user.mainRole(), null, user.displayName(), unit, point);
    }

    // ------------------------------------------------------------------ audit of downloads

    @Transactional
    public List<DownloadView> downloads(long sessionId, long documentId) {
        requireOrganizer();
        Document d = require(sessionId, documentId);
        Map<Long, Integer> numbers =
                DocumentVersion.ofDocument(d.id).stream().collect(Collectors.toMap(v -> v.id, v -> v.number));
        Map<Long, String> pointNames = pointNames(sessionId);
        return Download.<Download>list("documentId = ?1 order by startedAt, id", d.id).stream()
                .map(x -> DownloadView.from(x, numbers.get(x.versionId), pointNames.get(x.pointId)))
                .toList();
    }

    /**
     * Per document, every delegate it is meant for with whether they received it, then the staff
     * who downloaded it; by point, then by name the Vietnamese way.
     */
    @Transactional
    public Receipts receipts(long sessionId, long documentId) {
        requireOrganizer();
        Document d = require(sessionId, documentId);
        Map<Long, Integer> numbers =
                DocumentVersion.ofDocument(d.id).stream().collect(Collectors.toMap(v -> v.id, v -> v.number));
        Map<Long, String> pointNames = pointNames(sessionId);
        List<Download> all = Download.list("documentId = ?1 order by startedAt, id", d.id);
        Map<Long, List<Download>> byDelegate =
                all.stream().filter(x -> x.delegateId != null).collect(Collectors.groupingBy(x -> x.delegateId));
        Map<String, List<Download>> staff =
                all.stream().filter(x -> x.delegateId == null).collect(Collectors.groupingBy(x -> x.actor));
        List<Receipts.Row> rows = new java.util.ArrayList<>();
        boolean forParticipants = d.roles().contains(Roles.PARTICIPANT);
        for (DelegateView del : delegates
                .list(sessionId, null, null, null, 0, Integer.MAX_VALUE)
                .items()) {
            List<Download> got = byDelegate.getOrDefault(del.id(), List.of());
            boolean meant = forParticipants
                    && (d.points.isEmpty() || (del.pointId() != null && d.points.contains(del.pointId())));
            if (!meant && got.isEmpty()) continue;
            rows.add(Receipts.Row.of(
                    del.pointId(),
                    pointNames.get(del.pointId()),
                    del.fullName(),
                    del.unitName(),
                    Roles.PARTICIPANT,
                    got,
                    numbers));
        }
        staff.forEach((actor, got) -> {
            Download first = got.get(0);
            rows.add(Receipts.Row.of(
                    first.pointId,
                    pointNames.get(first.pointId),
                    first.recipientName,
                    first.recipientUnit,
                    first.actorRole,
                    got,
                    numbers));
        });
        return Receipts.of(d.id, d.title, rows);
    }

    private Map<Long, String> pointNames(long sessionId) {
        return points.list(sessionId).stream().collect(Collectors.toMap(p -> p.id(), p -> p.name(), (a, b) -> a));
    }

    // ------------------------------------------------------------------ access

    /** The caller as far as documents care, for one session (403 when they may not read it). */
    private record Caller(
            boolean organizer,
            boolean observer,
            boolean operator,
            Set<Long> operated,
            boolean participant,
            Long delegateId,
            Long participantPoint) {
        static Caller participant(InvitationDirectory.Invitation me) {
            return new Caller(false, false, false, Set.of(), true, me.delegateId(), me.pointId());
        }

        boolean sees(Document d) {
            return sees(d.released, d.roles(), d.points);
        }

        boolean sees(boolean released, Set<String> roles, Set<Long> points) {
            if (organizer) return true;
            if (!released) return false;
            if (observer && roles.contains(Roles.OBSERVER)) return true;
            if (operator
                    && roles.contains(Roles.OPERATOR)
                    && !operated.isEmpty()
                    && (points.isEmpty() || !Collections.disjoint(points, operated))) return true;
            return participant
                    && roles.contains(Roles.PARTICIPANT)
                    && (points.isEmpty() || (participantPoint != null && points.contains(participantPoint)));
        }
    }

    private Caller caller(long sessionId) {
        access.requireRead(sessionId);
        var invitee = user.invitee().filter(i -> i.sessionId() == sessionId);
        return new Caller(
                user.isOrganizer(),
                user.is(Roles.OBSERVER),
                user.is(Roles.OPERATOR),
                access.operatedPoints(sessionId),
                invitee.isPresent(),
                invitee.map(CurrentUser.Invitee::delegateId).orElse(null),
                invitee.map(CurrentUser.Invitee::pointId).orElse(null));
    }

    /** A document the caller may see, or a 404 that says nothing about whether it exists. */
    private static Document visible(Caller c, long sessionId, long documentId) {
        Document d = Document.findById(documentId);
        if (d == null || d.sessionId != sessionId || !c.sees(d))
            throw ProblemException.notFound("document", documentId);
        return d;
    }

    private void requireOrganizer() {
        if (!user.isOrganizer()) throw ProblemException.forbidden("forbidden");
    }

    private static Document require(long sessionId, long documentId) {
        Document d = Document.findById(documentId);
        if (d == null || d.sessionId != sessionId) throw ProblemException.notFound("document", documentId);
        return d;
    }

    // ------------------------------------------------------------------ validation

    /** A request checked against the session: its agenda item, points and roles exist. */
    private record Resolved(
            Session session,
            String title,
            Long itemId,
            AgendaItemStatus itemStatus,
            ReleaseMode release,
            Classification classification,
            Set<String> roles,
            Set<Long> points) {
        void applyTo(Document d, Instant now) {
            d.title = title;
            d.agendaItemId = itemId;
            d.releaseMode = release;
            d.classification = classification;
            d.roles(roles);
            d.points.clear();
            d.points.addAll(points);
            d.updatedAt = now;
        }
    }

    private Resolved resolve(long sessionId, DocumentRequest r, String fallbackTitle) {
        Session s = sessions.require(sessionId);
        String title = Text.clean(r.title());
        if (title == null) title = fallbackTitle.replaceFirst("\\.[^.]+$", "");
        if (title.length() > MAX_TITLE) throw ProblemException.badRequest("document.title-too-long", MAX_TITLE);
        AgendaItemStatus itemStatus = null;
        if (r.agendaItemId() != null) {
            AgendaItemView item = agenda.list(sessionId).stream()
                    .filter(i -> i.id() == r.agendaItemId())
                    .findFirst()
                    .orElseThrow(() -> ProblemException.notFound("agenda-item", r.agendaItemId()));
            itemStatus = item.status();
        }
        ReleaseMode release = r.release() != null
                ? r.release()
                : r.agendaItemId() != null ? ReleaseMode.ON_ITEM_START : ReleaseMode.NOW;
        if (release == ReleaseMode.ON_ITEM_START && r.agendaItemId() == null)
            throw ProblemException.badRequest("document.item-required");
        Set<String> roles = r.roles() == null ? new TreeSet<>(AUDIENCE_ROLES) : new TreeSet<>(r.roles());
        for (String role : roles)
            if (!AUDIENCE_ROLES.contains(role)) throw ProblemException.badRequest("document.role-invalid", role);
        Set<Long> pts = r.pointIds() == null ? Set.of() : Set.copyOf(r.pointIds());
        pts.forEach(p -> points.require(sessionId, p));
        return new Resolved(
                s,
                title,
                r.agendaItemId(),
                itemStatus,
                release,
                r.classification() == null ? Classification.NORMAL : r.classification(),
                roles,
                pts);
    }

    /** The name the file keeps for download: its last path segment, NFC, no control characters. */
    static String fileName(String raw) {
        String name = raw == null ? "" : raw.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        name = java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFC)
                .replaceAll("\\p{Cntrl}", "")
                .strip();
        if (name.isEmpty() || name.equals(".") || name.equals(".."))
            throw ProblemException.badRequest("document.file-name-required");
        if (name.length() > MAX_FILE_NAME)
            throw ProblemException.badRequest("document.file-name-too-long", MAX_FILE_NAME);
        return name;
    }

    private List<DocumentView> views(List<Document> docs, boolean all) {
        return docs.stream().map(d -> view(d, all)).toList();
    }

    private static DocumentView view(Document d, boolean all) {
        List<DocumentVersion> versions = DocumentVersion.ofDocument(d.id);
        Map<Integer, DocumentVersion> byNumber =
                versions.stream().collect(Collectors.toMap(v -> v.number, Function.identity()));
        return DocumentView.from(d, byNumber.get(d.currentVersion), all ? versions : null);
    }

    private static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }
}
