package vn.diemcau.document;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import vn.diemcau.common.BatchConfig;
import vn.diemcau.common.GroupCommit;
import vn.diemcau.common.Jdbc;
import vn.diemcau.common.OwnConnection;
import vn.diemcau.common.WriterConnections;
import vn.diemcau.roster.DelegateService;

/**
 * The audit of downloads written in batches: a hundred participants downloading at once cost one
 * transaction, not a hundred (the same group commit as check-ins and votes). Same record as one
 * download at a time wrote: a new row per download, a Range request past the first byte adds to the
 * recipient's latest row of that version instead. The writer keeps a connection of its own, outside
 * JTA; on MariaDB a batch of new downloads is one statement sent with its commit.
 */
@ApplicationScoped
class DownloadWriter {
    /**
     * One download to record. {@code fromRoster}: a participant's name, unit and point are taken
     * from their roster row as it is at the write (read with the batch's write); {@code who} holds
     * what the invitation said, kept when the row is gone.
     */
    record Item(
            long documentId,
            long versionId,
            long sessionId,
            DocumentService.Recipient who,
            boolean fromRoster,
            boolean watermarked,
            Instant at,
            boolean continuation) {
        /** The labels are the roster row's, as it is at the write: a participant's download. */
        boolean joinsRoster() {
            return fromRoster && who.delegateId() != null;
        }
    }

    private static final String COLUMNS = "document_id, version_id, session_id, actor, actor_role, delegate_id,"
            + " recipient_name, recipient_unit, point_id, watermarked, started_at, last_at, requests";

    private static final String INSERT =
            "insert into document_downloads (" + COLUMNS + ")" + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)";

    /**
     * The new rows of a batch in one statement: the participants' labels joined from their roster
     * rows as they are at the write (the invitation's, when the row is gone).
     */
    private static final String ROWS = "document_id, version_id, session_id, actor, actor_role, delegate_id,"
            + " name, unit, point_id, watermarked, at, from_roster";

    private static String insertSelect(String rows) {
        return "insert into document_downloads (" + COLUMNS + ")"
                + " select t.document_id, t.version_id, t.session_id, t.actor, t.actor_role, t.delegate_id,"
                + " if(d.id is null, t.name, d.full_name), if(d.id is null, t.unit, d.unit_name),"
                + " if(d.id is null, t.point_id, d.point_id), t.watermarked, t.at, t.at, 1"
                + " from (" + rows + ") t left join delegates d on t.from_roster = 1 and d.id = t.delegate_id";
    }

    @Inject
    BatchConfig config;

    @Inject
    WriterConnections connections;

    /** The writer's own connection: on MariaDB a batch of new downloads is one round trip, commit included. */
    private OwnConnection own;

    private GroupCommit<Item, Boolean> writer;

    @PostConstruct
    void start() {
        own = connections.create();
        writer = GroupCommit.committingItself("document-downloads", config, this::writeAll);
    }

    @PreDestroy
    void stop() {
        writer.close();
        own.close();
    }

    /**
     * Returns once the record is committed. The download waits for it on purpose: a file goes out
     * only when its audit row is durable, so no crash or failed commit leaves a download unrecorded,
     * and a full queue refuses the download (503) instead of serving it unaudited. The wait is one
     * group commit (a millisecond or two, shared by every download queued meanwhile), small against
     * sending the file; measured in docs/benchmarks.md, Document downloads.
     */
    void record(Item item) {
        writer.submit(item);
    }

    /** {@link #record} for a caller on the event loop: completes, on its context, once committed. */
    CompletableFuture<Boolean> recordAsync(Item item) {
        return writer.submitAsync(item);
    }

    /** One transaction for the whole batch, on the writer's own connection, committed here. */
    List<Boolean> writeAll(List<Item> items) {
        own.write(conn -> {
            write(conn, items);
            return null;
        });
        return Collections.nCopies(items.size(), Boolean.TRUE);
    }

    /** Tests try both ways on MariaDB: false writes as other databases do (read, then batch). */
    void oneTrip(boolean on) {
        own.multiStatements(on);
    }

    private void write(Connection conn, List<Item> items) throws SQLException {
        if (own.multiStatements() && items.stream().noneMatch(Item::continuation)) {
            Jdbc.insertSelectCommitting(conn, ROWS, DownloadWriter::insertSelect, items, (ps, n, i) -> {
                int next = bind(ps, n, i);
                ps.setInt(next, i.joinsRoster() ? 1 : 0);
                return next + 1;
            });
            return;
        }
        List<Long> ids = new ArrayList<>();
        for (Item i : items) if (i.joinsRoster()) ids.add(i.who().delegateId());
        Map<Long, DelegateService.Brief> roster = DelegateService.briefs(conn, ids);
        List<Item> fresh = new ArrayList<>();
        List<Item> resumed = new ArrayList<>();
        for (Item i : items) (i.continuation() ? resumed : fresh).add(withRoster(i, roster));
        try (PreparedStatement ps = conn.prepareStatement(INSERT)) {
            for (Item i : fresh) {
                bindNew(ps, i);
                ps.addBatch();
            }
            if (!fresh.isEmpty()) ps.executeBatch();
            // after the new rows: a continuation may resume a download of this very batch
            for (Item i : resumed) {
                if (resume(conn, i)) continue;
                bindNew(ps, i);
                ps.executeUpdate();
            }
        }
        conn.commit();
    }

    private static Item withRoster(Item i, Map<Long, DelegateService.Brief> roster) {
        DelegateService.Brief d = i.fromRoster() ? roster.get(i.who().delegateId()) : null;
        if (d == null) return i;
        DocumentService.Recipient w = i.who();
        return new Item(
                i.documentId(),
                i.versionId(),
                i.sessionId(),
                new DocumentService.Recipient(w.actor(), w.role(), d.id(), d.fullName(), d.unitName(), d.pointId()),
                false,
                i.watermarked(),
                i.at(),
                i.continuation());
    }

    /** Adds the request to the recipient's latest row of this version; false when there is none. */
    private static boolean resume(Connection conn, Item i) throws SQLException {
        Long id = null;
        try (PreparedStatement q = conn.prepareStatement("select id from document_downloads"
                + " where version_id = ? and actor = ? order by last_at desc, id desc limit 1")) {
            q.setLong(1, i.versionId());
            q.setString(2, i.who().actor());
            try (ResultSet rs = q.executeQuery()) {
                if (rs.next()) id = rs.getLong(1);
            }
        }
        if (id == null) return false;
        try (PreparedStatement u = conn.prepareStatement(
                "update document_downloads set last_at = ?, requests = requests + 1 where id = ?")) {
            u.setObject(1, Jdbc.utc(i.at()));
            u.setLong(2, id);
            u.executeUpdate();
        }
        return true;
    }

    /** Binds the parameters of {@link #INSERT}: a new record, its last request its first. */
    private static void bindNew(PreparedStatement ps, Item i) throws SQLException {
        ps.setObject(bind(ps, 1, i), Jdbc.utc(i.at()));
    }

    /**
     * Binds a record's columns up to its time — document, version, session, actor, role, delegate,
     * name, unit, point, watermarked, time — from parameter {@code n} on; answers the next free one.
     */
    private static int bind(PreparedStatement ps, int n, Item i) throws SQLException {
        DocumentService.Recipient w = i.who();
        ps.setLong(n, i.documentId());
        ps.setLong(n + 1, i.versionId());
        ps.setLong(n + 2, i.sessionId());
        ps.setString(n + 3, w.actor());
        ps.setString(n + 4, w.role());
        ps.setObject(n + 5, w.delegateId(), Types.BIGINT);
        ps.setString(n + 6, w.name());
        ps.setString(n + 7, w.unit());
        ps.setObject(n + 8, w.pointId(), Types.BIGINT);
        ps.setBoolean(n + 9, i.watermarked());
        ps.setObject(n + 10, Jdbc.utc(i.at()));
        return n + 11;
    }
}
