package org.capgov.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.capgov.audit.AuditAction;
import org.capgov.audit.AuditEvent;
import org.capgov.audit.AuditTrail;
import org.capgov.shared.Actors;
import org.capgov.shared.DomainException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import java.time.Clock;

/** Issues, resolves and revokes API tokens. Only a SHA-256 of each token is stored. */
@Service
public class ApiTokenService {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String SELECT = """
            select t.*, p.username,
                   t.kind = 'LOGIN' and t.security_version is distinct from p.security_version as superseded,
                   t.last_used_at is null or t.last_used_at < now() - interval '1 minute' as use_unnoted
            from api_token t join person p on p.id = t.person_id
            """;

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Duration loginTokenLifetime;
    private final Clock clock;

    ApiTokenService(Clock clock, JdbcClient jdbc, AuditTrail audit, @Value("${capgov.security.api-token-hours:8}") int hours) {
        this.clock = clock;
        this.jdbc = jdbc;
        this.audit = audit;
        this.loginTokenLifetime = Duration.ofHours(hours);
    }

    /** A short-lived token for a person who just proved their password. */
    @Transactional
    public IssuedToken issueLoginToken(CapgovUser user) {
        Instant expires = clock.instant().plus(loginTokenLifetime);
        return issue(user.id(), user.username(), "login", "LOGIN", expires, user.username(), user.homeRegionPath(),
                user.securityVersion());
    }

    /** A long-lived token for a system account, valid until revoked (or until {@code expiresAt} when given). */
    @Transactional
    public IssuedToken issueSystemToken(long personId, String name, Instant expiresAt, String regionPath) {
        String username = jdbc.sql("select username from person where id = :id").param("id", personId)
                .query(String.class).optional().orElseThrow(() -> DomainException.notFound("error.person.notFound", personId));
        if (name == null || name.isBlank()) {
            throw DomainException.invalid("name", "error.token.nameRequired");
        }
        return issue(personId, username, name.trim(), "SYSTEM", expiresAt, Actors.username(), regionPath, null);
    }

    private IssuedToken issue(long personId, String username, String name, String kind, Instant expires,
            String createdBy, String regionPath, Integer securityVersion) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = "cg_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        long id = jdbc.sql("""
                insert into api_token (person_id, name, token_hash, kind, created_by, expires_at, security_version)
                values (:p, :name, :hash, :kind, :by, :exp, :version) returning id
                """).param("p", personId).param("name", name).param("hash", hash(token)).param("kind", kind)
                .param("by", createdBy).param("exp", expires == null ? null : Timestamp.from(expires)).param("version", securityVersion)
                .query(Long.class).single();
        audit.recordAs(createdBy, Actors.remoteAddress().orElse(null), new AuditEvent(AuditAction.TOKEN_ISSUED, "api_token", Long.toString(id), regionPath,
                username + " / " + name, null, Map.of("kind", kind, "person", username,
                        "expiresAt", expires == null ? "" : expires.toString())));
        return new IssuedToken(token, expires);
    }

    /**
     * The person id behind a valid token; notes its use at most once a minute, to spare the database: the look-up
     * says whether the use is noted already, so a request within the minute makes one statement, not two, and no
     * transaction of its own (this runs on every API request).
     */
    public Optional<Long> resolve(String token) {
        boolean[] unnoted = {false};
        Optional<ApiToken> found = jdbc.sql(SELECT + " where t.token_hash = :h").param("h", hash(token))
                .query((rs, n) -> {
                    unnoted[0] = rs.getBoolean("use_unnoted");
                    return map(rs);
                }).optional().filter(t -> t.activeAt(clock.instant()));
        found.filter(t -> unnoted[0]).ifPresent(t -> jdbc.sql("""
                update api_token set last_used_at = now()
                where id = :id and (last_used_at is null or last_used_at < now() - interval '1 minute')
                """).param("id", t.id()).update());
        return found.map(ApiToken::personId);
    }

    public List<ApiToken> systemTokens() {
        return jdbc.sql(SELECT + " where t.kind = 'SYSTEM' order by t.created_at desc").query((rs, n) -> map(rs)).list();
    }

    /** The caller's own tokens, newest first, with those no longer accepted among them. */
    public List<ApiToken> ownTokens(long personId) {
        return jdbc.sql(SELECT + " where t.person_id = :p order by t.created_at desc, t.id desc").param("p", personId)
                .query((rs, n) -> map(rs)).list();
    }

    /** A person revokes one of their own tokens; another person's token is answered as unknown. */
    @Transactional
    public void revokeOwn(long personId, long tokenId) {
        boolean own = jdbc.sql("select count(*) from api_token where id = :id and person_id = :p").param("id", tokenId)
                .param("p", personId).query(Long.class).single() > 0;
        if (!own) {
            throw DomainException.notFound("error.token.notFound", tokenId);
        }
        revoke(tokenId);
    }

    @Transactional
    public void revoke(long tokenId) {
        ApiToken before = jdbc.sql(SELECT + " where t.id = :id").param("id", tokenId).query((rs, n) -> map(rs))
                .optional().orElseThrow(() -> DomainException.notFound("error.token.notFound", tokenId));
        if (before.revokedAt() != null) {
            throw DomainException.conflict("error.token.alreadyRevoked");
        }
        jdbc.sql("update api_token set revoked_at = now(), revoked_by = :by where id = :id")
                .param("by", Actors.username()).param("id", tokenId).update();
        audit.record(new AuditEvent(AuditAction.TOKEN_REVOKED, "api_token", Long.toString(tokenId), null,
                before.username() + " / " + before.name(), Map.of("revoked", false), Map.of("revoked", true)));
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ApiToken map(ResultSet rs) throws SQLException {
        return new ApiToken(rs.getLong("id"), rs.getLong("person_id"), rs.getString("username"), rs.getString("name"),
                rs.getString("kind"), ts(rs, "created_at"), rs.getString("created_by"), ts(rs, "expires_at"),
                ts(rs, "revoked_at"), rs.getString("revoked_by"), ts(rs, "last_used_at"), rs.getBoolean("superseded"));
    }

    private static Instant ts(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
