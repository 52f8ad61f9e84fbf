package vn.diemcau.poll;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.diemcau.unit.UnitLevel;

/**
 * Counts a poll with aggregate queries: ballots grouped by point and choice set, plus the points'
 * room counts. The cost grows with points × distinct answers, not with the number of voters.
 */
@ApplicationScoped
class PollTally {
    static final int MAX_TEXTS = 1000;

    @Inject
    EntityManager em;

    record Ballot(List<Integer> choices, String text) {}

    private record PointInfo(long id, String name, boolean mainHall, UnitLevel level) {}

    PollResults count(Poll p) {
        int n = p.options.size();
        Map<Long, PointInfo> pointInfo = new LinkedHashMap<>();
        for (Object[] r : rows(
                "SELECT p.id, p.name, p.main_hall, su.level FROM points p"
                        + " LEFT JOIN session_units su ON su.id = p.session_unit_id"
                        + " WHERE p.session_id = ?1 ORDER BY p.main_hall DESC, p.sort_order, p.id",
                p.sessionId)) {
            long id = ((Number) r[0]).longValue();
            pointInfo.put(
                    id,
                    new PointInfo(
                            id, (String) r[1], bool(r[2]), r[3] == null ? null : UnitLevel.valueOf((String) r[3])));
        }
        Map<Long, int[]> phone = new LinkedHashMap<>();
        Map<Long, int[]> room = new LinkedHashMap<>();
        Map<Long, Integer> voters = new LinkedHashMap<>();
        int[] phoneTotal = new int[n];
        int[] roomTotal = new int[n];
        int allVoters = 0;
        for (Object[] r : rows(
                "SELECT point_id, choices, COUNT(*) FROM poll_ballots WHERE poll_id = ?1 GROUP BY point_id, choices",
                p.id)) {
            Long point = r[0] == null ? null : ((Number) r[0]).longValue();
            long bits = ((Number) r[1]).longValue();
            int c = ((Number) r[2]).intValue();
            allVoters += c;
            if (point != null) voters.merge(point, c, Integer::sum);
            int[] perPoint = point == null ? null : phone.computeIfAbsent(point, k -> new int[n]);
            for (int k = 0; k < n; k++) {
                if ((bits & (1L << k)) == 0) continue;
                phoneTotal[k] += c;
                if (perPoint != null) perPoint[k] += c;
            }
        }
        int roomVotes = 0;
        for (Object[] r : rows("SELECT point_id, position, votes FROM poll_room_counts WHERE poll_id = ?1", p.id)) {
            long point = ((Number) r[0]).longValue();
            int k = ((Number) r[1]).intValue();
            int c = ((Number) r[2]).intValue();
            if (k >= n) continue;
            room.computeIfAbsent(point, x -> new int[n])[k] += c;
            roomTotal[k] += c;
            roomVotes += c;
        }
        List<PollResults.OptionCount> options = new ArrayList<>();
        long weighted = 0;
        long answers = 0;
        for (int k = 0; k < n; k++) {
            int total = phoneTotal[k] + roomTotal[k];
            options.add(new PollResults.OptionCount(k, p.options.get(k), phoneTotal[k], roomTotal[k], total));
            weighted += (long) (k + 1) * total;
            answers += total;
        }
        Double average =
                p.kind == PollKind.RATING && answers > 0 ? Math.round(weighted * 100.0 / answers) / 100.0 : null;
        List<PollResults.PointCount> perPoint = new ArrayList<>();
        Map<UnitLevel, int[]> levelTotals = new LinkedHashMap<>();
        Map<UnitLevel, int[]> levelMeta = new LinkedHashMap<>(); // [points, voters]
        for (PointInfo pi : pointInfo.values()) {
            int[] ph = phone.getOrDefault(pi.id(), new int[n]);
            int[] ro = room.getOrDefault(pi.id(), new int[n]);
            int v = voters.getOrDefault(pi.id(), 0);
            perPoint.add(new PollResults.PointCount(pi.id(), pi.name(), pi.mainHall(), v, list(ph), list(ro)));
            int[] lt = levelTotals.computeIfAbsent(pi.level(), x -> new int[n]);
            for (int k = 0; k < n; k++) lt[k] += ph[k] + ro[k];
            int[] meta = levelMeta.computeIfAbsent(pi.level(), x -> new int[2]);
            meta[0]++;
            meta[1] += v;
        }
        List<PollResults.LevelCount> levels = new ArrayList<>();
        levelTotals.forEach((level, t) -> levels.add(new PollResults.LevelCount(
                level, levelMeta.get(level)[0], levelMeta.get(level)[1], list(t))));
        List<String> texts = List.of();
        if (p.kind == PollKind.TEXT) {
            texts = em.createNativeQuery(
                            "SELECT answer_text FROM poll_ballots WHERE poll_id = ?1 AND answer_text IS NOT NULL"
                                    + " ORDER BY voted_at, voter_key",
                            String.class)
                    .setParameter(1, p.id)
                    .setMaxResults(MAX_TEXTS)
                    .getResultList();
        }
        return new PollResults(p.id, p.status, allVoters, roomVotes, options, average, perPoint, levels, texts);
    }

    Ballot ballot(Poll p, String voterKey) {
        List<Object[]> r = rows(
                "SELECT choices, answer_text FROM poll_ballots WHERE poll_id = ?1 AND voter_key = ?2", p.id, voterKey);
        if (r.isEmpty()) return null;
        return new Ballot(positions(((Number) r.get(0)[0]).longValue(), p.options.size()), (String) r.get(0)[1]);
    }

    /** One voter's ballots in several polls at once ({@code keys}: poll id → the voter's key in it). */
    Map<Long, Ballot> ballots(Map<Long, Poll> polls, Map<Long, String> keys) {
        Map<Long, Ballot> out = new LinkedHashMap<>();
        if (keys.isEmpty()) return out;
        for (Object[] r : rows(
                "SELECT poll_id, voter_key, choices, answer_text FROM poll_ballots"
                        + " WHERE poll_id IN (?1) AND voter_key IN (?2)",
                List.copyOf(keys.keySet()),
                List.copyOf(keys.values()))) {
            long pollId = ((Number) r[0]).longValue();
            if (!r[1].equals(keys.get(pollId))) continue; // another poll's key (never, short of a hash collision)
            out.put(
                    pollId,
                    new Ballot(
                            positions(
                                    ((Number) r[2]).longValue(),
                                    polls.get(pollId).options.size()),
                            (String) r[3]));
        }
        return out;
    }

    List<PollNamedAnswer> named(Poll p) {
        List<PollNamedAnswer> out = new ArrayList<>();
        for (Object[] r : rows(
                "SELECT delegate_id, point_id, choices, answer_text, voted_at FROM poll_ballots"
                        + " WHERE poll_id = ?1 AND delegate_id IS NOT NULL ORDER BY voted_at",
                p.id)) {
            out.add(new PollNamedAnswer(
                    ((Number) r[0]).longValue(),
                    r[1] == null ? null : ((Number) r[1]).longValue(),
                    positions(((Number) r[2]).longValue(), p.options.size()),
                    (String) r[3],
                    instant(r[4])));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, Object... params) {
        var q = em.createNativeQuery(sql);
        for (int i = 0; i < params.length; i++) q.setParameter(i + 1, params[i]);
        return q.getResultList();
    }

    private static List<Integer> positions(long bits, int n) {
        List<Integer> out = new ArrayList<>();
        for (int k = 0; k < n; k++) if ((bits & (1L << k)) != 0) out.add(k);
        return out;
    }

    private static List<Integer> list(int[] a) {
        return Arrays.stream(a).boxed().toList();
    }

    private static boolean bool(Object o) {
        return o instanceof Boolean b ? b : ((Number) o).intValue() != 0;
    }

    private static Instant instant(Object o) {
        if (o instanceof Instant i) return i;
        if (o instanceof Timestamp t) return t.toInstant();
        if (o instanceof java.time.LocalDateTime l) return l.toInstant(java.time.ZoneOffset.UTC);
        return null;
    }
}
