package org.capgov.audit;

import java.sql.ResultSet;
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
import org.springframework.transaction.annotation.Isolation;
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

    /**
     * Re-computes the sealed chain in position order, then looks at what is not sealed: entries waiting in the list
     * (the pending tail, not a problem), entries neither sealed nor waiting, and waiting entries that are gone. One
     * snapshot for all of it, so that a sealing meanwhile does not show as a gap.
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public AuditVerification verify() {
        // read before the chain: a head anchored meanwhile is not yet in the chain read below
        var anchor = checkpoint.read();
        SealChain.Walk walk = new SealChain.Walk();
        AuditVerification.BrokenEntry[] broken = {null};
        streaming.query("select s.position, s.entry_id, s.prev_hash as seal_prev, s.hash as seal_hash, "
                + AuditRows.ENTRY_COLUMNS + " from audit_seal s left join audit_entry e on e.id = s.entry_id"
                + " order by s.position", Map.of(), (ResultSet rs) -> {
                    if (broken[0] != null) {
                        return;
                    }
                    SealChain.Seal seal = new SealChain.Seal(rs.getLong("position"), rs.getLong("entry_id"),
                            rs.getString("seal_prev"), rs.getString("seal_hash"));
                    rs.getLong("id");
                    AuditEntry entry = rs.wasNull() ? null : AuditRows.entry(rs);
                    String problem = walk.step(seal, entry);
                    if (problem != null) {
                        broken[0] = new AuditVerification.BrokenEntry(seal.entryId(),
                                entry == null ? null : entry.recordedAt(), problem);
                    }
                });
        Object[] pending = streaming.queryForObject("""
                select count(*), min(e.recorded_at) from audit_pending p join audit_entry e on e.id = p.entry_id
                where not exists (select 1 from audit_seal s where s.entry_id = e.id)
                """, Map.of(), (rs, n) -> new Object[] {rs.getLong(1), rs.getTimestamp(2)});
        if (broken[0] == null) {
            broken[0] = unlisted();
        }
        if (broken[0] == null && anchor.isPresent()) {
            broken[0] = cutAt(anchor.get());
        }
        java.sql.Timestamp oldest = (java.sql.Timestamp) pending[1];
        return new AuditVerification(broken[0] == null, walk.sealed(), (Long) pending[0],
                oldest == null ? null : oldest.toInstant(), broken[0],
                anchor.map(AuditCheckpoint.Head::entryId).orElse(null),
                anchor.map(AuditCheckpoint.Head::position).orElse(null));
    }

    /** An entry neither sealed nor waiting, or a waiting entry that is gone: both only by going around the platform. */
    private AuditVerification.BrokenEntry unlisted() {
        List<AuditVerification.BrokenEntry> found = streaming.query("""
                select e.id, e.recorded_at from audit_entry e
                where not exists (select 1 from audit_seal s where s.entry_id = e.id)
                  and not exists (select 1 from audit_pending p where p.entry_id = e.id)
                order by e.id limit 1
                """, Map.of(), (rs, n) -> new AuditVerification.BrokenEntry(rs.getLong(1),
                        rs.getTimestamp(2).toInstant(), "记录未封存，也不在待封存队列中（被移出队列或绕过审计接口写入）"));
        if (!found.isEmpty()) {
            return found.get(0);
        }
        found = streaming.query("""
                select p.entry_id from audit_pending p
                where not exists (select 1 from audit_entry e where e.id = p.entry_id)
                  and not exists (select 1 from audit_seal s where s.entry_id = p.entry_id)
                order by p.entry_id limit 1
                """, Map.of(), (rs, n) -> new AuditVerification.BrokenEntry(rs.getLong(1), null,
                        "待封存的记录已不在审计日志中（封存前被删除）"));
        return found.isEmpty() ? null : found.get(0);
    }

    /** The anchored seal must still be in the chain, unchanged: otherwise the newest seals were removed. */
    private AuditVerification.BrokenEntry cutAt(AuditCheckpoint.Head head) {
        if (head.position() < 0) {
            return new AuditVerification.BrokenEntry(head.position(), null, "链尾锚点文件无法读取：" + head.hash());
        }
        List<String> stored = streaming.queryForList("select hash from audit_seal where position = :p",
                Map.of("p", head.position()), String.class);
        if (stored.isEmpty()) {
            return new AuditVerification.BrokenEntry(head.entryId(), null, "链尾被截断：已锚定的第 " + head.entryId()
                    + " 条记录（封存位置 " + head.position() + "）及其后的封存已不在审计链中（最新记录被删除）");
        }
        if (!stored.get(0).equals(head.hash())) {
            return new AuditVerification.BrokenEntry(head.entryId(), null, "链尾被替换：已锚定的第 " + head.entryId()
                    + " 条记录（封存位置 " + head.position() + "）的哈希与锚点不一致（最新记录被删除后重写）");
        }
        return null;
    }

    /** Entries in the caller's scope waiting to be sealed (待封存). */
    @Transactional(readOnly = true)
    public long pending(DataScope scope) {
        SqlPredicate inScope = scope.regionPredicate("e.region_path");
        return streaming.queryForObject("select count(*) from audit_pending p join audit_entry e on e.id = p.entry_id"
                + " where " + inScope.sql(), inScope.params(), Long.class);
    }

    @Transactional(readOnly = true)
    public List<AuditEntry> search(DataScope scope, AuditFilter filter, int page, int size) {
        List<AuditEntry> result = new ArrayList<>();
        Query q = query(scope, filter);
        q.params.put("limit", size);
        q.params.put("offset", (long) page * size);
        streaming.query(AuditRows.SEALED_ENTRY + " where " + q.where
                + " order by e.id desc limit :limit offset :offset", q.params, (ResultSet rs) -> {
                    result.add(AuditRows.sealed(rs));
                });
        return result;
    }

    @Transactional(readOnly = true)
    public long count(DataScope scope, AuditFilter filter) {
        Query q = query(scope, filter);
        return streaming.queryForObject("select count(*) from audit_entry e where " + q.where, q.params, Long.class);
    }

    /** Streams every matching entry, oldest first, without holding them in memory. */
    @Transactional(readOnly = true)
    public void export(DataScope scope, AuditFilter filter, Consumer<AuditEntry> sink) {
        Query q = query(scope, filter);
        streaming.query(AuditRows.SEALED_ENTRY + " where " + q.where + " order by e.id", q.params,
                (ResultSet rs) -> {
                    sink.accept(AuditRows.sealed(rs));
                });
    }

    /**
     * The history of one subject, newest first: entries whose entity id is {@code subjectId} or starts with
     * {@code subjectId + "/"} (an enterprise and its equipment, e.g. {@code 9150…/BF1}).
     */
    @Transactional(readOnly = true)
    public List<AuditEntry> forSubject(DataScope scope, String subjectId, int limit) {
        SqlPredicate inScope = scope.regionPredicate("e.region_path");
        Map<String, Object> params = new HashMap<>(inScope.params());
        params.put("id", subjectId);
        params.put("prefix", org.capgov.shared.LikePattern.startsWith(subjectId + "/"));
        params.put("limit", limit);
        List<AuditEntry> result = new ArrayList<>();
        streaming.query(AuditRows.SEALED_ENTRY + " where " + inScope.sql()
                + " and (e.entity_id = :id or e.entity_id like :prefix) order by e.id desc limit :limit", params,
                (ResultSet rs) -> {
                    result.add(AuditRows.sealed(rs));
                });
        return result;
    }

    private record Query(String where, Map<String, Object> params) {
    }

    private static Query query(DataScope scope, AuditFilter f) {
        SqlPredicate inScope = scope.regionPredicate("e.region_path");
        Map<String, Object> params = new HashMap<>(inScope.params());
        StringBuilder where = new StringBuilder(inScope.sql());
        if (f.from() != null) {
            where.append(" and e.recorded_at >= :from");
            params.put("from", java.sql.Timestamp.from(f.from().atStartOfDay(ChinaTime.ZONE).toInstant()));
        }
        if (f.to() != null) {
            where.append(" and e.recorded_at < :to");
            params.put("to", java.sql.Timestamp.from(f.to().plusDays(1).atStartOfDay(ChinaTime.ZONE).toInstant()));
        }
        if (StringUtils.hasText(f.actor())) {
            where.append(" and e.actor = :actor");
            params.put("actor", f.actor().trim());
        }
        if (StringUtils.hasText(f.action())) {
            where.append(" and e.action = :action");
            params.put("action", f.action().trim());
        }
        if (StringUtils.hasText(f.entityType())) {
            where.append(" and e.entity_type = :entityType");
            params.put("entityType", f.entityType().trim());
        }
        if (StringUtils.hasText(f.entityId())) {
            where.append(" and e.entity_id = :entityId");
            params.put("entityId", f.entityId().trim());
        }
        return new Query(where.toString(), params);
    }
}
