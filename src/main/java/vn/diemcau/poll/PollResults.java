package vn.diemcau.poll;

import java.util.List;
import vn.diemcau.unit.UnitLevel;

/**
 * Totals of a poll: answers from phones ({@code voters}, per option {@code phone}) and show-of-hands
 * counts entered by the points ({@code room}), combined in {@code total}. Never carries who voted.
 */
public record PollResults(
        long pollId,
        PollStatus status,
        int voters,
        int roomVotes,
        List<OptionCount> options,
        Double average,
        List<PointCount> points,
        List<LevelCount> levels,
        List<String> texts) {

    /**
     * The totals without each point's part: what phones and operators' consoles get (the main hall
     * and the big screen get the breakdown). A phone shows the options' bars; at a province's 2,000
     * points (a nation's 31,000) the breakdown would be most of every results frame sent to each of
     * them.
     */
    public PollResults withoutPoints() {
        return points.isEmpty()
                ? this
                : new PollResults(pollId, status, voters, roomVotes, options, average, List.of(), levels, texts);
    }

    /** Per option (position in the poll's options). */
    public record OptionCount(int position, String label, int phone, int room, int total) {}

    /** One point: its voters on phones and, per option, phone + room counts. */
    public record PointCount(
            long pointId, String name, boolean mainHall, int voters, List<Integer> phone, List<Integer> room) {}

    /** The points whose unit is of {@code level} (null: points without a unit), added up. */
    public record LevelCount(UnitLevel level, int points, int voters, List<Integer> total) {}
}
