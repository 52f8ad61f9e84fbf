package vn.diemcau.common;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;

/**
 * The connection a batch writer keeps for itself, outside JTA, in a transaction at all times
 * (autocommit off, each commit begins the next): a batch pays no round trip to begin and none to
 * hand a pooled connection back. On MariaDB it is opened outside the pool with multi-statements
 * allowed ({@link WriterConnections}), so that a batch's statements and its {@code COMMIT} can go
 * in one round trip. Checked when it has been idle a while (the server may have closed it),
 * replaced after a failure. Used by one writer thread (synchronized for tests that share it).
 */
public final class OwnConnection {
    /** What a batch does on the connection; it commits itself. */
    @FunctionalInterface
    public interface Work<T> {
        T apply(Connection conn) throws SQLException;
    }

    /** How long the connection may sit unused before it is checked before a batch. */
    private static final long IDLE_CHECK_NANOS = TimeUnit.SECONDS.toNanos(30);

    private final WriterConnections source;
    private boolean multiStatements;
    private final boolean serverPrepared;
    private Connection connection;
    private long lastUsed;

    OwnConnection(WriterConnections source, boolean multiStatements, boolean serverPrepared) {
        this.source = source;
        this.multiStatements = multiStatements;
        this.serverPrepared = serverPrepared;
    }

    /** True when a batch may send several statements (its commit included) in one round trip. */
    public synchronized boolean multiStatements() {
        return multiStatements;
    }

    /** Tests try both ways on MariaDB: false takes a pooled connection, one statement at a time. */
    public synchronized void multiStatements(boolean on) {
        close();
        multiStatements = on;
    }

    /**
     * Runs the batch's work, which commits. A failure rolls back; a connection the server closed (a
     * restart, a timeout) is replaced and the work run once more, so the work must be safe to repeat
     * after a commit whose answer was lost (an INSERT IGNORE on a unique row is; an audit row may be
     * written twice, as the group commit's one-by-one retry of a failed batch may also do).
     */
    public synchronized <T> T write(Work<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return work.apply(connection());
            } catch (SQLException | RuntimeException e) {
                if (!rollback() && attempt == 1) continue;
                if (e instanceof RuntimeException r) throw r;
                throw new IllegalStateException("batch not written: " + e.getMessage(), e);
            }
        }
    }

    /** The connection the next batch uses, opened if need be (tests look at it through this). */
    public synchronized Connection connection() throws SQLException {
        if (connection != null && System.nanoTime() - lastUsed > IDLE_CHECK_NANOS && !connection.isValid(2)) close();
        if (connection == null) {
            connection = source.open(multiStatements, serverPrepared);
            connection.setAutoCommit(false);
        }
        lastUsed = System.nanoTime();
        return connection;
    }

    /** Rolls the batch back; false when the connection is broken (it is then dropped). */
    private boolean rollback() {
        if (connection == null) return false;
        try {
            connection.rollback();
            return true;
        } catch (SQLException broken) {
            close();
            return false;
        }
    }

    /** Closes the connection; the next batch opens another. */
    public synchronized void close() {
        if (connection == null) return;
        try {
            connection.close();
        } catch (SQLException ignored) {
            // it is gone either way
        }
        connection = null;
    }
}
