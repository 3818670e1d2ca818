package agent.report.returners;

import agent.data.PyJson;
import agent.report.jobs.JobRecord;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * {@code --return pgjsonb[:PROFILE]}: each run as a row of Salt's {@code salt_returns} table,
 * column for column what Salt 3006's pgjsonb returner writes for a salt-call, plus the job's
 * load (with the commits its trees came from) in {@code jids}. Settings under Salt's keys
 * ({@code returner.pgjsonb.host/port/user/pass/db}, sslmode...). The tables are made when
 * missing. A record the database did not take waits in the spool for a later run.
 */
public final class PgjsonbReturner implements Returner {

    /** What Salt's returner documents as its defaults. */
    private static final String DEFAULT = "salt";
    private static final String UNDEFINED_TABLE = "42P01";

    @Override
    public String name() {
        return "pgjsonb";
    }

    @Override
    public boolean spools() {
        return true;
    }

    @Override
    public void send(JobRecord job, String json, String argument) throws IOException {
        send(job, json, argument, Map.of());
    }

    @Override
    public void send(JobRecord job, String json, String argument, Map<String, Object> opts) throws IOException {
        if (!driverPresent()) {
            throw new IOException("the pgjsonb returner needs the agent-fleet package, which brings the PostgreSQL driver");
        }
        ReturnerOptions o = new ReturnerOptions(opts, name(), argument);
        String where = o.get("host", DEFAULT) + ":" + o.get("port", "5432") + "/" + o.get("db", DEFAULT);
        try (Connection c = connect(o)) {
            try {
                insert(c, job);
            } catch (SQLException e) {
                if (!UNDEFINED_TABLE.equals(e.getSQLState())) {
                    throw e;
                }
                c.rollback();
                createTables(c);
                insert(c, job);
            }
        } catch (SQLException e) {
            throw new IOException("PostgreSQL at " + where + ": " + e.getMessage().lines().findFirst().orElse(""), e);
        }
    }

    private static boolean driverPresent() {
        try {
            Class.forName("org.postgresql.Driver", false, PgjsonbReturner.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    private static Connection connect(ReturnerOptions o) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", o.get("user", DEFAULT));
        p.setProperty("password", o.get("pass", DEFAULT));
        // A database that is down must not hold the run up: the record is spooled instead.
        p.setProperty("connectTimeout", o.get("connect_timeout", "5"));
        p.setProperty("loginTimeout", o.get("connect_timeout", "5"));
        p.setProperty("socketTimeout", o.get("timeout", "30"));
        p.setProperty("ApplicationName", "agent");
        // Kerberos needs java.security.jgss, which the packaged runtime leaves out.
        p.setProperty("gssEncMode", "disable");
        for (String ssl : List.of("sslmode", "sslcert", "sslkey", "sslrootcert")) {
            String v = o.get(ssl, null);
            if (v != null && !v.equals("None")) {
                p.setProperty(ssl, v);
            }
        }
        if (p.getProperty("sslmode") == null) {
            p.setProperty("sslmode", "prefer");
        }
        String url = "jdbc:postgresql://" + hostPart(o.get("host", DEFAULT)) + ":" + o.number("port", 5432) + "/" + o.get("db", DEFAULT);
        // The driver itself, not DriverManager: no scan of the class path for drivers.
        Connection c = new org.postgresql.Driver().connect(url, p);
        c.setAutoCommit(false);
        return c;
    }

    private static String hostPart(String host) {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    /** One transaction; a job id already there for this host (a spooled record sent twice) is skipped. */
    private static void insert(Connection c, JobRecord job) throws SQLException {
        String id = job.id() == null ? "local" : job.id();
        try (PreparedStatement ret = c.prepareStatement(
                "INSERT INTO salt_returns (fun, jid, return, id, success, full_ret, alter_time)"
                        + " SELECT ?, ?, ?::jsonb, ?, ?, ?::jsonb, ?"
                        + " WHERE NOT EXISTS (SELECT 1 FROM salt_returns WHERE jid = ? AND id = ?)");
             PreparedStatement load = c.prepareStatement(
                     "INSERT INTO jids (jid, load) VALUES (?, ?::jsonb) ON CONFLICT (jid) DO NOTHING")) {
            ret.setString(1, job.function());
            ret.setString(2, job.jid());
            ret.setString(3, PyJson.dumps(job.ret(), false, null));
            ret.setString(4, id);
            // Salt stores the function's success (it ran), not the states' outcome: retcode says that.
            ret.setString(5, "true");
            ret.setString(6, PyJson.dumps(fullReturn(job, id), false, null));
            ret.setObject(7, endTime(job));
            ret.setString(8, job.jid());
            ret.setString(9, id);
            ret.executeUpdate();
            load.setString(1, job.jid());
            load.setString(2, PyJson.dumps(load(job, id), false, null));
            load.executeUpdate();
        }
        c.commit();
    }

    /** What Salt's salt-call returns: the state results with the job's identity and exit code. */
    static Map<String, Object> fullReturn(JobRecord job, String id) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("fun", job.function());
        m.put("jid", job.jid());
        m.put("out", "highstate");
        m.put("return", job.ret());
        m.put("retcode", job.exitCode());
        m.put("success", true);
        m.put("fun_args", job.funArgs());
        return m;
    }

    /** The job as asked (Salt keeps a master's jobs here): function, arguments, host, and the commits applied. */
    static Map<String, Object> load(JobRecord job, String id) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("jid", job.jid());
        m.put("fun", job.function());
        m.put("arg", job.funArgs());
        m.put("tgt", id);
        m.put("tgt_type", "glob");
        m.put("minions", new ArrayList<>(List.of(id)));
        m.put("test", job.test());
        m.put("sources", job.sources());
        return m;
    }

    /** When the run ended: a record delivered later from the spool keeps the time of its run. */
    private static OffsetDateTime endTime(JobRecord job) {
        try {
            return LocalDateTime.parse(job.end()).atOffset(ZoneOffset.UTC);
        } catch (RuntimeException e) {
            return OffsetDateTime.now(ZoneOffset.UTC);
        }
    }

    private static void createTables(Connection c) throws SQLException {
        String sql;
        try (InputStream in = PgjsonbReturner.class.getResourceAsStream("pgjsonb-schema.sql")) {
            sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            throw new SQLException("the pgjsonb schema is missing from the agent's jar");
        }
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
        c.commit();
    }
}
