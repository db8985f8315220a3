package org.capgov.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.capgov.shared.DataScope;
import org.capgov.shared.SqlPredicate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;
import org.capgov.shared.ChinaTime;

/** Reads the trail: the scoped, filtered list and export, and the chain verification. */
@Service
public class AuditReader {

    private final NamedParameterJdbcTemplate streaming;

    private final AuditCheckpoint checkpoint;

    AuditReader(DataSource dataSource, AuditCheckpoint checkpoint) {
        this.checkpoint = checkpoint;
        JdbcTemplate template = new JdbcTemplate(dataSource);
        template.setFetchSize(1000);
        this.streaming = new NamedParameterJdbcTemplate(template);
    }

    @Transactional(readOnly = true)
    public AuditVerification verify() {
        // read before the chain: an entry anchored meanwhile is not yet in the chain read below
        var anchor = checkpoint.read();
        long[] count = {0};
        String[] expectedPrev = {AuditHash.GENESIS};
        AuditVerification.BrokenEntry[] broken = {null};
        streaming.query("select * from audit_entry order by id", Map.of(), (ResultSet rs) -> {
            if (broken[0] != null) {
                return;
            }
            AuditEntry entry = map(rs);
            count[0]++;
            if (!entry.prevHash().equals(expectedPrev[0])) {
                broken[0] = new AuditVerification.BrokenEntry(entry.id(), entry.recordedAt(),
                        "prev_hash 与前一条记录的哈希不一致（记录被删除、插入或改动）");
            } else if (!AuditHash.of(entry).equals(entry.hash())) {
                broken[0] = new AuditVerification.BrokenEntry(entry.id(), entry.recordedAt(),
                        "内容与哈希不一致（记录被改动）");
            }
            expectedPrev[0] = entry.hash();
        });
        if (broken[0] == null && anchor.isPresent()) {
            broken[0] = cutAt(anchor.get());
        }
        return new AuditVerification(broken[0] == null, count[0], broken[0], anchor.map(AuditCheckpoint.Head::id).orElse(null));
    }

    /** The anchored head must still be in the trail, unchanged: otherwise the newest entries were removed. */
    private AuditVerification.BrokenEntry cutAt(AuditCheckpoint.Head head) {
        if (head.id() < 0) {
            return new AuditVerification.BrokenEntry(head.id(), null, "链尾锚点文件无法读取：" + head.hash());
        }
        List<String> stored = streaming.queryForList("select hash from audit_entry where id = :id", Map.of("id", head.id()),
                String.class);
        if (stored.isEmpty()) {
            return new AuditVerification.BrokenEntry(head.id(), null,
                    "链尾被截断：已锚定的第 " + head.id() + " 条记录及其后的记录已不在审计链中（最新记录被删除）");
        }
        if (!stored.get(0).equals(head.hash())) {
            return new AuditVerification.BrokenEntry(head.id(), null,
                    "链尾被替换：已锚定的第 " + head.id() + " 条记录的哈希与锚点不一致（最新记录被删除后重写）");
        }
        return null;
    }

    @Transactional(readOnly = true)
    public List<AuditEntry> search(DataScope scope, AuditFilter filter, int page, int size) {
        List<AuditEntry> result = new ArrayList<>();
        Query q = query(scope, filter);
        q.params.put("limit", size);
        q.params.put("offset", (long) page * size);
        streaming.query("select * from audit_entry where " + q.where + " order by id desc limit :limit offset :offset",
                q.params, (ResultSet rs) -> {
                    result.add(map(rs));
                });
        return result;
    }

    @Transactional(readOnly = true)
    public long count(DataScope scope, AuditFilter filter) {
        Query q = query(scope, filter);
        return streaming.queryForObject("select count(*) from audit_entry where " + q.where, q.params, Long.class);
    }

    /** Streams every matching entry, oldest first, without holding them in memory. */
    @Transactional(readOnly = true)
    public void export(DataScope scope, AuditFilter filter, Consumer<AuditEntry> sink) {
        Query q = query(scope, filter);
        streaming.query("select * from audit_entry where " + q.where + " order by id", q.params,
                (ResultSet rs) -> {
                    sink.accept(map(rs));
                });
    }

    /**
     * The history of one subject, newest first: entries whose entity id is {@code subjectId} or starts with
     * {@code subjectId + "/"} (an enterprise and its equipment, e.g. {@code 9150…/BF1}).
     */
    @Transactional(readOnly = true)
    public List<AuditEntry> forSubject(DataScope scope, String subjectId, int limit) {
        SqlPredicate inScope = scope.regionPredicate("region_path");
        Map<String, Object> params = new HashMap<>(inScope.params());
        params.put("id", subjectId);
        params.put("prefix", org.capgov.shared.LikePattern.startsWith(subjectId + "/"));
        params.put("limit", limit);
        List<AuditEntry> result = new ArrayList<>();
        streaming.query("select * from audit_entry where " + inScope.sql()
                + " and (entity_id = :id or entity_id like :prefix) order by id desc limit :limit", params,
                (ResultSet rs) -> {
                    result.add(map(rs));
                });
        return result;
    }

    private record Query(String where, Map<String, Object> params) {
    }

    private static Query query(DataScope scope, AuditFilter f) {
        SqlPredicate inScope = scope.regionPredicate("region_path");
        Map<String, Object> params = new HashMap<>(inScope.params());
        StringBuilder where = new StringBuilder(inScope.sql());
        if (f.from() != null) {
            where.append(" and recorded_at >= :from");
            params.put("from", java.sql.Timestamp.from(f.from().atStartOfDay(ChinaTime.ZONE).toInstant()));
        }
        if (f.to() != null) {
            where.append(" and recorded_at < :to");
            params.put("to", java.sql.Timestamp.from(f.to().plusDays(1).atStartOfDay(ChinaTime.ZONE).toInstant()));
        }
        if (StringUtils.hasText(f.actor())) {
            where.append(" and actor = :actor");
            params.put("actor", f.actor().trim());
        }
        if (StringUtils.hasText(f.action())) {
            where.append(" and action = :action");
            params.put("action", f.action().trim());
        }
        if (StringUtils.hasText(f.entityType())) {
            where.append(" and entity_type = :entityType");
            params.put("entityType", f.entityType().trim());
        }
        if (StringUtils.hasText(f.entityId())) {
            where.append(" and entity_id = :entityId");
            params.put("entityId", f.entityId().trim());
        }
        return new Query(where.toString(), params);
    }

    private static AuditEntry map(ResultSet rs) throws SQLException {
        return new AuditEntry(rs.getLong("id"), rs.getTimestamp("recorded_at").toInstant(), rs.getString("actor"),
                rs.getString("actor_ip"), rs.getString("action"), rs.getString("entity_type"), rs.getString("entity_id"),
                rs.getString("region_path"), rs.getString("summary"), rs.getString("before_state"),
                rs.getString("after_state"), rs.getString("prev_hash"), rs.getString("hash"));
    }
}
