package io.tideline.testing;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * A PostgreSQL database made for one test run. The server is the local one ({@code ./platform} makes sure it runs and
 * that the role {@code tideline} may create databases); {@code TIDELINE_TEST_PG_URL}, {@code TIDELINE_TEST_PG_USER}
 * and {@code TIDELINE_TEST_PG_PASSWORD} point elsewhere.
 */
public final class TestDatabase {

    private static final String DEFAULT_URL = "jdbc:postgresql://localhost:5432/postgres";

    private final String adminUrl;
    private final String user;
    private final String password;
    private final String name;

    private TestDatabase(String adminUrl, String user, String password, String name) {
        this.adminUrl = adminUrl;
        this.user = user;
        this.password = password;
        this.name = name;
    }

    /** Creates an empty database named after the module under test and a random suffix. */
    public static TestDatabase create() {
        String url = env("TIDELINE_TEST_PG_URL", DEFAULT_URL);
        String module = Path.of(System.getProperty("user.dir")).getFileName().toString();
        String name = ("tideline_test_" + module + "_" + UUID.randomUUID().toString().substring(0, 8))
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        SQLException first = null;
        for (String[] credentials : candidates()) {
            try (Connection c = DriverManager.getConnection(url, credentials[0], credentials[1]);
                 Statement s = c.createStatement()) {
                s.execute("create database " + name);
                return new TestDatabase(url, credentials[0], credentials[1], name);
            } catch (SQLException e) {
                if (first == null) {
                    first = e;
                }
            }
        }
        throw new IllegalStateException("cannot create a test database on " + url + " as "
                + candidates()[0][0] + ": " + first.getMessage()
                + " — is PostgreSQL running? `./platform test` starts and provisions it, or set TIDELINE_TEST_PG_URL,"
                + " TIDELINE_TEST_PG_USER and TIDELINE_TEST_PG_PASSWORD", first);
    }

    private static String[][] candidates() {
        String user = System.getenv("TIDELINE_TEST_PG_USER");
        if (user != null) {
            return new String[][] {{user, env("TIDELINE_TEST_PG_PASSWORD", "")}};
        }
        // The role ./platform provisions, then the local superuser of a trust-auth development install.
        return new String[][] {{"tideline", "tideline"}, {"postgres", ""}};
    }

    public String name() {
        return name;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    public String host() {
        return URI.create(adminUrl.substring("jdbc:".length())).getHost();
    }

    public int port() {
        int port = URI.create(adminUrl.substring("jdbc:".length())).getPort();
        return port < 0 ? 5432 : port;
    }

    /** The settings that point a service under test at this database, reached at {@code host:port}. */
    public Map<String, String> serviceConfig(String host, int port) {
        return Map.of("tideline.db.host", host, "tideline.db.port", Integer.toString(port), "tideline.db.name", name,
                "tideline.db.user", user, "tideline.db.password", password);
    }

    /** The same, reached directly. */
    public Map<String, String> serviceConfig() {
        return serviceConfig(host(), port());
    }

    /** The environment a packaged service ({@link ServiceProcess}) needs to use this database. */
    public Map<String, String> serviceEnvironment() {
        return Map.of("TIDELINE_DB_HOST", host(), "TIDELINE_DB_PORT", Integer.toString(port()),
                "TIDELINE_DB_NAME", name, "TIDELINE_DB_USER", user, "TIDELINE_DB_PASSWORD", password);
    }

    /** A JDBC URL of this database, for tests that look at tables directly. */
    public String jdbcUrl() {
        return "jdbc:postgresql://" + host() + ":" + port() + "/" + name;
    }

    /** A plain JDBC connection to this database as its owner, for tests and benchmarks that look at tables directly. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), user, password);
    }

    /** Drops the database, closing connections a stopped application may have left behind. */
    public void drop() {
        try (Connection c = DriverManager.getConnection(adminUrl, user, password);
             Statement s = c.createStatement()) {
            s.execute("drop database if exists " + name + " with (force)");
        } catch (SQLException e) {
            System.err.println("could not drop test database " + name + ": " + e.getMessage());
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
