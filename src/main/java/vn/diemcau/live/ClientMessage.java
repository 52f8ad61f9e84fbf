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
    // floor: requests to speak
    @JsonSubTypes.Type(ClientMessage.RequestFloor.class),
    @JsonSubTypes.Type(ClientMessage.GrantFloor.class),
    @JsonSubTypes.Type(ClientMessage.DeclineFloor.class),
    @JsonSubTypes.Type(ClientMessage.WithdrawFloor.class),
    @JsonSubTypes.Type(ClientMessage.ReorderFloor.class),
    @JsonSubTypes.Type(ClientMessage.FinishFloor.class)
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
}
