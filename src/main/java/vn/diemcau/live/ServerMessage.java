package vn.diemcau.live;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.Instant;
import java.util.List;
import vn.diemcau.agenda.AgendaLiveItem;
import vn.diemcau.attendance.AttendanceCounts;
import vn.diemcau.document.DocumentView;
import vn.diemcau.floor.FloorRequestView;
import vn.diemcau.floor.FloorState;
import vn.diemcau.floor.QuestionView;
import vn.diemcau.point.PointLiveView;
import vn.diemcau.point.RollCallView;
import vn.diemcau.poll.PollResults;
import vn.diemcau.poll.PollView;
import vn.diemcau.session.SessionStatus;

/**
 * Everything the server sends on /live/sessions/{id}. Events of the session's stream carry a
 * {@code seq} next to {@code type} (added when the frame is serialised, once); acks and
 * rejections answer one connection's command and carry none. See docs/live-protocol.md.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(ServerMessage.Snapshot.class),
    @JsonSubTypes.Type(ServerMessage.Ack.class),
    @JsonSubTypes.Type(ServerMessage.Rejected.class),
    @JsonSubTypes.Type(ServerMessage.SessionStarted.class),
    @JsonSubTypes.Type(ServerMessage.SessionEnded.class),
    @JsonSubTypes.Type(ServerMessage.ItemStarted.class),
    @JsonSubTypes.Type(ServerMessage.ItemFinished.class),
    @JsonSubTypes.Type(ServerMessage.ItemSkipped.class),
    @JsonSubTypes.Type(ServerMessage.ItemExtended.class),
    @JsonSubTypes.Type(ServerMessage.AgendaReordered.class),
    @JsonSubTypes.Type(ServerMessage.PointStatusesChanged.class),
    @JsonSubTypes.Type(ServerMessage.RollCallStarted.class),
    @JsonSubTypes.Type(ServerMessage.RollCallAnswered.class),
    // live-ui: overrun of the active item
    @JsonSubTypes.Type(ServerMessage.ItemOverran.class),
    // documents
    @JsonSubTypes.Type(ServerMessage.DocumentReleased.class),
    @JsonSubTypes.Type(ServerMessage.DocumentRecalled.class),
    @JsonSubTypes.Type(ServerMessage.AttendanceCountsChanged.class), // attendance
    // polls
    @JsonSubTypes.Type(ServerMessage.PollOpened.class),
    @JsonSubTypes.Type(ServerMessage.PollClosed.class),
    @JsonSubTypes.Type(ServerMessage.PollPublished.class),
    @JsonSubTypes.Type(ServerMessage.PollResultsChanged.class),
    // floor: requests to speak and written questions
    @JsonSubTypes.Type(ServerMessage.FloorRequested.class),
    @JsonSubTypes.Type(ServerMessage.FloorGranted.class),
    @JsonSubTypes.Type(ServerMessage.FloorDeclined.class),
    @JsonSubTypes.Type(ServerMessage.FloorWithdrawn.class),
    @JsonSubTypes.Type(ServerMessage.FloorFinished.class),
    @JsonSubTypes.Type(ServerMessage.FloorReordered.class),
    @JsonSubTypes.Type(ServerMessage.FloorQueueClosed.class),
    @JsonSubTypes.Type(ServerMessage.FloorQueueOpened.class),
    // feedback: the session's form opened or closed
    @JsonSubTypes.Type(ServerMessage.FeedbackOpened.class),
    @JsonSubTypes.Type(ServerMessage.FeedbackClosed.class),
    @JsonSubTypes.Type(ServerMessage.QuestionAsked.class),
    @JsonSubTypes.Type(ServerMessage.QuestionApproved.class),
    @JsonSubTypes.Type(ServerMessage.QuestionAnswered.class),
    @JsonSubTypes.Type(ServerMessage.QuestionHidden.class),
    @JsonSubTypes.Type(ServerMessage.QuestionMerged.class)
})
public sealed interface ServerMessage {
    /** On connect (or a resume too old to replay): the whole live state as of {@code seq}. */
    @JsonTypeName("live.snapshot")
    record Snapshot(
            SessionState session,
            List<AgendaLiveItem> agenda,
            List<PointLiveView> points,
            RollCallView rollCall,
            long heartbeatSeconds,
            // documents: the released ones this connection's caller may see
            List<DocumentView> documents,
            AttendanceCounts attendance,
            List<PollView> polls,
            // floor: the current speaker and queue; the approved and answered questions
            FloorState floor,
            List<QuestionView> questions)
            implements ServerMessage {}

    record SessionState(long id, String title, SessionStatus status, Instant startsAt, Instant endsAt) {}

    /** The command was applied (now or the first time it was sent). */
    @JsonTypeName("live.ack")
    record Ack(String commandId, boolean ok) implements ServerMessage {}

    /** The command was refused and changed nothing; {@code message} is in the connection's language. */
    @JsonTypeName("live.rejected")
    record Rejected(String commandId, String code, int status, String message) implements ServerMessage {}

    @JsonTypeName("session.started")
    record SessionStarted(long sessionId, Instant at) implements ServerMessage {}

    @JsonTypeName("session.ended")
    record SessionEnded(long sessionId, Instant at) implements ServerMessage {}

    @JsonTypeName("agenda.item_started")
    record ItemStarted(AgendaLiveItem item) implements ServerMessage {}

    @JsonTypeName("agenda.item_finished")
    record ItemFinished(AgendaLiveItem item) implements ServerMessage {}

    @JsonTypeName("agenda.item_skipped")
    record ItemSkipped(AgendaLiveItem item) implements ServerMessage {}

    @JsonTypeName("agenda.item_extended")
    record ItemExtended(AgendaLiveItem item, int minutes) implements ServerMessage {}

    /** The whole agenda in its new order. */
    @JsonTypeName("agenda.reordered")
    record AgendaReordered(List<AgendaLiveItem> items) implements ServerMessage {}

    /** Every point whose state changed since the last of these frames, as it is now (coalesced). */
    @JsonTypeName("point.statuses_changed")
    record PointStatusesChanged(List<PointLiveView> points) implements ServerMessage {}

    @JsonTypeName("rollcall.started")
    record RollCallStarted(Instant at, String by, List<Long> pending) implements ServerMessage {}

    @JsonTypeName("rollcall.answered")
    record RollCallAnswered(long pointId, int present, Instant at) implements ServerMessage {}

    // live-ui: the active item ran past its planned end (extensions included); once per item.
    @JsonTypeName("agenda.item_overran")
    record ItemOverran(AgendaLiveItem item) implements ServerMessage {}

    // documents: the event names the document only; each client reads its own list again, which
    // shows the document only to the audience it is meant for.
    /** A document became available ({@code agendaItemId}: the item whose start released it, if any). */
    @JsonTypeName("document.released")
    record DocumentReleased(long documentId, Long agendaItemId, Instant at) implements ServerMessage {}

    /** A released document was taken back: clients drop it from their lists. */
    @JsonTypeName("document.recalled")
    record DocumentRecalled(long documentId, Instant at) implements ServerMessage {}
    // --- attendance ---
    /** The session's attendance counts, at most about once a second however many check-ins arrive. */
    @JsonTypeName("attendance.counts_changed")
    record AttendanceCountsChanged(AttendanceCounts counts) implements ServerMessage {}
    // --- end attendance ---
    // --- polls ---
    @JsonTypeName("poll.opened")
    record PollOpened(PollView poll) implements ServerMessage {}

    @JsonTypeName("poll.closed")
    record PollClosed(PollView poll) implements ServerMessage {}

    /** The poll with its final results, for everyone. */
    @JsonTypeName("poll.published")
    record PollPublished(PollView poll) implements ServerMessage {}

    /** New totals, at most one per poll and results interval; staff only while a poll hides its results. */
    @JsonTypeName("poll.results_changed")
    record PollResultsChanged(long pollId, PollResults results) implements ServerMessage {}
    // floor: requests to speak and written questions
    @JsonTypeName("floor.requested")
    record FloorRequested(FloorRequestView request) implements ServerMessage {}

    @JsonTypeName("floor.granted")
    record FloorGranted(FloorRequestView request) implements ServerMessage {}

    @JsonTypeName("floor.declined")
    record FloorDeclined(FloorRequestView request) implements ServerMessage {}

    @JsonTypeName("floor.withdrawn")
    record FloorWithdrawn(FloorRequestView request) implements ServerMessage {}

    @JsonTypeName("floor.finished")
    record FloorFinished(FloorRequestView request) implements ServerMessage {}

    /** The waiting queue in its new order. */
    @JsonTypeName("floor.reordered")
    record FloorReordered(List<FloorRequestView> queue) implements ServerMessage {}

    /** The main hall closed the queue to new requests to speak (those waiting stay). */
    @JsonTypeName("floor.queue_closed")
    record FloorQueueClosed(String by, Instant at) implements ServerMessage {}

    /** The main hall reopened the queue to new requests to speak. */
    @JsonTypeName("floor.queue_opened")
    record FloorQueueOpened(String by, Instant at) implements ServerMessage {}

    // feedback: the session's form opened or closed
    /** The feedback form takes answers now: phones fetch it and show it. */
    @JsonTypeName("feedback.opened")
    record FeedbackOpened(long formId, Instant at) implements ServerMessage {}

    /** The feedback form takes no more answers. */
    @JsonTypeName("feedback.closed")
    record FeedbackClosed(long formId, Instant at) implements ServerMessage {}

    /** A question waits for moderation: no text (it is not public yet), only the count waiting. */
    @JsonTypeName("question.asked")
    record QuestionAsked(long questionId, long pending) implements ServerMessage {}

    @JsonTypeName("question.approved")
    record QuestionApproved(QuestionView question, long pending) implements ServerMessage {}

    @JsonTypeName("question.answered")
    record QuestionAnswered(QuestionView question, long pending) implements ServerMessage {}

    @JsonTypeName("question.hidden")
    record QuestionHidden(long questionId, long pending) implements ServerMessage {}

    @JsonTypeName("question.merged")
    record QuestionMerged(long questionId, long intoId, long pending) implements ServerMessage {}
}
