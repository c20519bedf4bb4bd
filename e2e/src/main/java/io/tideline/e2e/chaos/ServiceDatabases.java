package io.tideline.e2e.chaos;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The services' own databases, read directly by the accounting (never through the services it checks): one per
 * service, each reached as its role. Locally a role's password is its name (./platform up); elsewhere
 * {@code TIDELINE_PG_SERVICE_PASSWORD}.
 */
final class ServiceDatabases {

    /** Service → database, in the launcher's order (deploy/launcher/common.sh). */
    static final Map<String, String> OF_SERVICE = new LinkedHashMap<>();

    static {
        OF_SERVICE.put("lp-tracker", "tideline_lp");
        OF_SERVICE.put("perp-hedger", "tideline_perp");
        OF_SERVICE.put("pnl-ingest", "tideline_pnl");
        OF_SERVICE.put("settlement", "tideline_settlement");
        OF_SERVICE.put("analytics", "tideline_analytics");
        OF_SERVICE.put("alerting", "tideline_alerting");
        OF_SERVICE.put("gateway", "tideline_gateway");
    }

    private final String host;
    private final String port;
    private final String sharedPassword;

    ServiceDatabases(String host, String port, String sharedPassword) {
        this.host = host;
        this.port = port;
        this.sharedPassword = sharedPassword;
    }

    Connection open(String service) throws SQLException {
        String database = OF_SERVICE.get(service);
        String url = "jdbc:postgresql://" + host + ":" + port + "/" + database;
        return DriverManager.getConnection(url, database, sharedPassword == null ? database : sharedPassword);
    }
}
