package vn.diemcau.common;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Properties;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where the batch writers get their {@link OwnConnection}s: on MariaDB a connection outside the pool
 * with the datasource's URL and credentials and multi-statements allowed (which the pool's
 * connections, every other query's, do not allow); elsewhere (the demo's H2) a pooled one. Each
 * writer using one adds one connection per instance to the database's count (README, DB_POOL_MAX).
 */
@ApplicationScoped
public class WriterConnections {
    @Inject
    DataSource dataSource;

    @ConfigProperty(name = "quarkus.datasource.db-kind")
    String dbKind;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    @ConfigProperty(name = "quarkus.datasource.username")
    Optional<String> user;

    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> password;

    /** A writer's connection, multi-statement where the database allows it. */
    public OwnConnection create() {
        return create(false);
    }

    /**
     * As {@link #create}, its statements prepared on the server on MariaDB: each statement text is
     * parsed there once and then executed with its values sent as binary, which for a multi-row
     * statement costs MariaDB about a third less than the same text with the values written in (the
     * vote writer's ballots: docs/benchmarks-history.md, ninth pass). For a writer that sends one statement at
     * a time (a server-prepared statement cannot hold several).
     */
    public OwnConnection createServerPrepared() {
        return create(true);
    }

    private OwnConnection create(boolean serverPrepared) {
        return new OwnConnection(this, "mariadb".equalsIgnoreCase(dbKind), serverPrepared);
    }

    Connection open(boolean multiStatements, boolean serverPrepared) throws SQLException {
        if (!multiStatements) return dataSource.getConnection();
        Properties p = new Properties();
        user.ifPresent(u -> p.setProperty("user", u));
        password.ifPresent(pw -> p.setProperty("password", pw));
        p.setProperty("allowMultiQueries", "true");
        if (serverPrepared) p.setProperty("useServerPrepStmts", "true");
        Connection c = new org.mariadb.jdbc.Driver().connect(url, p);
        if (c == null) throw new SQLException("not a MariaDB URL: " + url);
        return c;
    }
}
