package vn.diemcau.live;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.List;
import vn.diemcau.point.PointTrouble;

/**
 * Everything a client may send on /live/sessions/{id} (commands also through
 * POST /api/sessions/{id}/live/commands). Commands carry a client-made {@code commandId}: a
 * resend with the same id is not applied again and gets the same answer. See docs/live-protocol.md.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(ClientMessage.Resume.class),
    @JsonSubTypes.Type(ClientMessage.Heartbeat.class),
    @JsonSubTypes.Type(ClientMessage.StartSession.class),
    @JsonSubTypes.Type(ClientMessage.EndSession.class),
    @JsonSubTypes.Type(ClientMessage.StartItem.class),
    @JsonSubTypes.Type(ClientMessage.FinishItem.class),
    @JsonSubTypes.Type(ClientMessage.SkipItem.class),
    @JsonSubTypes.Type(ClientMessage.ExtendItem.class),
    @JsonSubTypes.Type(ClientMessage.ReorderAgenda.class),
    @JsonSubTypes.Type(ClientMessage.StartRollCall.class),
    @JsonSubTypes.Type(ClientMessage.Ready.class),
    @JsonSubTypes.Type(ClientMessage.ReportTrouble.class),
    @JsonSubTypes.Type(ClientMessage.ClearTrouble.class),
    // attendance
    @JsonSubTypes.Type(ClientMessage.CheckIn.class),
    @JsonSubTypes.Type(ClientMessage.UndoCheckIn.class),
    @JsonSubTypes.Type(ClientMessage.MarkAbsent.class),
    @JsonSubTypes.Type(ClientMessage.WalkIn.class),
    @JsonSubTypes.Type(ClientMessage.ReportRoomCount.class),
    // polls
    @JsonSubTypes.Type(ClientMessage.OpenPoll.class),
    @JsonSubTypes.Type(ClientMessage.ClosePoll.class),
    @JsonSubTypes.Type(ClientMessage.PublishPoll.class),
    @JsonSubTypes.Type(ClientMessage.Vote.class),
    @JsonSubTypes.Type(ClientMessage.RoomResult.class),
    // floor: requests to speak
    @JsonSubTypes.Type(ClientMessage.RequestFloor.class),
    @JsonSubTypes.Type(ClientMessage.GrantFloor.class),
    @JsonSubTypes.Type(ClientMessage.DeclineFloor.class),
    @JsonSubTypes.Type(ClientMessage.WithdrawFloor.class),
    @JsonSubTypes.Type(ClientMessage.ReorderFloor.class),
    @JsonSubTypes.Type(ClientMessage.FinishFloor.class),
    @JsonSubTypes.Type(ClientMessage.CloseFloorQueue.class),
    @JsonSubTypes.Type(ClientMessage.OpenFloorQueue.class)
})
public sealed interface ClientMessage {
    /** "I last saw {@code lastSeq}": the missed events follow, or a snapshot when they are no longer kept. */
    @JsonTypeName("live.resume")
    record Resume(long lastSeq) implements ClientMessage {}

    /** Point console, every heartbeat interval: not stored, not acknowledged. */
    @JsonTypeName("point.heartbeat")
    record Heartbeat(long pointId) implements ClientMessage {}

    /** A change the server applies once and answers with live.ack or live.rejected. */
    sealed interface Command extends ClientMessage {
        String commandId();
    }

    @JsonTypeName("session.start")
    record StartSession(String commandId) implements Command {}

    @JsonTypeName("session.end")
    record EndSession(String commandId) implements Command {}

    @JsonTypeName("agenda.start_item")
    record StartItem(String commandId, long itemId) implements Command {}

    @JsonTypeName("agenda.finish_item")
    record FinishItem(String commandId, long itemId) implements Command {}

    @JsonTypeName("agenda.skip_item")
    record SkipItem(String commandId, long itemId) implements Command {}

    @JsonTypeName("agenda.extend_item")
    record ExtendItem(String commandId, long itemId, int minutes) implements Command {}

    /** All pending items, each once, in their new order. */
    @JsonTypeName("agenda.reorder")
    record ReorderAgenda(String commandId, List<Long> itemIds) implements Command {}

    @JsonTypeName("rollcall.start")
    record StartRollCall(String commandId) implements Command {}

    /** The roll-call answer of a point: ready, with the number of people in the room. */
    @JsonTypeName("point.ready")
    record Ready(String commandId, long pointId, int present) implements Command {}

    @JsonTypeName("point.report_trouble")
    record ReportTrouble(String commandId, long pointId, PointTrouble kind, String note) implements Command {}

    @JsonTypeName("point.clear_trouble")
    record ClearTrouble(String commandId, long pointId) implements Command {}

    // --- attendance ---
    /** Check a delegate in at a point: by delegateId, or by the token (or whole link) a scanned QR carries. */
    @JsonTypeName("attendance.check_in")
    record CheckIn(
            String commandId,
            long pointId,
            Long delegateId,
            String token,
            String substituteName,
            String substitutePosition)
            implements Command {}

    @JsonTypeName("attendance.undo_check_in")
    record UndoCheckIn(String commandId, long delegateId) implements Command {}

    @JsonTypeName("attendance.mark_absent")
    record MarkAbsent(String commandId, long pointId, long delegateId, String reason) implements Command {}

    @JsonTypeName("attendance.walk_in")
    record WalkIn(String commandId, long pointId, String fullName, String position, String unitName)
            implements Command {}

    @JsonTypeName("attendance.report_room_count")
    record ReportRoomCount(String commandId, long pointId, int present) implements Command {}
    // --- end attendance ---
    // --- polls ---
    @JsonTypeName("poll.open")
    record OpenPoll(String commandId, long pollId) implements Command {}

    @JsonTypeName("poll.close")
    record ClosePoll(String commandId, long pollId) implements Command {}

    @JsonTypeName("poll.publish")
    record PublishPoll(String commandId, long pollId) implements Command {}

    /** A participant's answer: option positions (SINGLE, MULTIPLE, RATING: 0 = "1") or text (TEXT). */
    @JsonTypeName("poll.vote")
    record Vote(String commandId, long pollId, List<Integer> choices, String text) implements Command {}

    /** A point's show-of-hands count per option (replaces the point's earlier count). */
    @JsonTypeName("poll.room_result")
    record RoomResult(String commandId, long pollId, long pointId, List<Integer> counts) implements Command {}
    // floor: requests to speak
    /** A point asks to speak, for one of its delegates ({@code delegateId}) or as a whole (null). */
    @JsonTypeName("floor.request")
    record RequestFloor(String commandId, long pointId, Long delegateId, String topic) implements Command {}

    /** Main hall: gives the floor to a waiting request; the current speaker, if any, is finished. */
    @JsonTypeName("floor.grant")
    record GrantFloor(String commandId, long requestId) implements Command {}

    @JsonTypeName("floor.decline")
    record DeclineFloor(String commandId, long requestId, String reason) implements Command {}

    /** The point takes back its waiting request. */
    @JsonTypeName("floor.withdraw")
    record WithdrawFloor(String commandId, long requestId) implements Command {}

    /** All waiting requests, each once, in their new order. */
    @JsonTypeName("floor.reorder")
    record ReorderFloor(String commandId, List<Long> requestIds) implements Command {}

    /** Ends the current speaker's turn (main hall or the speaking point). */
    @JsonTypeName("floor.finish")
    record FinishFloor(String commandId, long requestId) implements Command {}

    /** Main hall: no new requests to speak from now on; those waiting stay and can be granted. */
    @JsonTypeName("floor.close_queue")
    record CloseFloorQueue(String commandId) implements Command {}

    /** Main hall: the queue takes new requests again. */
    @JsonTypeName("floor.open_queue")
    record OpenFloorQueue(String commandId) implements Command {}
}
