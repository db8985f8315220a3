package org.capgov.catalog;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * Version metadata, draft copies and edits of single rules in a draft, over catalog_version / catalog_entry (V8).
 * Whole versions are read back with {@link CatalogRepository#load}.
 */
@Repository
class CatalogDraftRepository {

    /** A rule as one version holds it. */
    record RuleInVersion(String label, CatalogRule rule) {
    }

    private static final String SELECT = """
            select v.id, v.label, v.status, b.label as based_on, v.source_hash, v.note, v.created_at, v.created_by,
                   v.published_at, v.published_by
            from catalog_version v left join catalog_version b on b.id = v.based_on
            """;

    private final JdbcClient jdbc;
    private final JsonMapper json;

    CatalogDraftRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    List<CatalogVersion> versions() {
        return jdbc.sql(SELECT + " order by v.id desc").query(CatalogDraftRepository::version).list();
    }

    Optional<CatalogVersion> byLabel(String label) {
        return jdbc.sql(SELECT + " where v.label = :label").param("label", label).query(CatalogDraftRepository::version)
                .optional();
    }

    Optional<CatalogVersion> published() {
        return jdbc.sql(SELECT + " where v.status = 'PUBLISHED'").query(CatalogDraftRepository::version).optional();
    }

    Optional<CatalogVersion> openDraft() {
        return jdbc.sql(SELECT + " where v.status = 'DRAFT' order by v.id desc limit 1")
                .query(CatalogDraftRepository::version).optional();
    }

    int insertDraft(String label, int basedOn, String note, String by) {
        return jdbc.sql("""
                insert into catalog_version (label, status, based_on, note, created_by)
                values (:label, 'DRAFT', :basedOn, :note, :by) returning id
                """).param("label", label).param("basedOn", basedOn).param("note", note).param("by", by)
                .query(Integer.class).single();
    }

    /** Copies every entry (documents, rules, targets, rules on new capacity) of one version into another. */
    void copyContent(int fromVersion, int toVersion) {
        jdbc.sql("""
                insert into catalog_entry (version_id, kind, id, document_id, body)
                select :to, kind, id, document_id, body from catalog_entry where version_id = :from
                """).param("from", fromVersion).param("to", toVersion).update();
    }

    /**
     * Sets fields of a rule's stored JSON (limit, severity, effectiveTo) and leaves the rest as stored, so that an
     * edit changes nothing but the fields edited.
     */
    void patchRule(int versionId, String ruleId, Map<String, Object> fields) {
        jdbc.sql("update catalog_entry set body = body || cast(:patch as jsonb) where version_id = :v and kind = 'RULE' and id = :id")
                .param("patch", json.writeValueAsString(fields)).param("v", versionId).param("id", ruleId).update();
    }

    /** Puts back a rule as another version (the one a draft was copied from) holds it. */
    void copyRule(int fromVersion, int toVersion, String ruleId) {
        jdbc.sql("""
                insert into catalog_entry (version_id, kind, id, document_id, body)
                select :to, kind, id, document_id, body from catalog_entry
                where version_id = :from and kind = 'RULE' and id = :id
                """).param("from", fromVersion).param("to", toVersion).param("id", ruleId).update();
    }

    /** Adds or replaces one entry (DOCUMENT, RULE, TARGET) of a version. */
    void putEntry(int versionId, String kind, String id, String documentId, Object body) {
        jdbc.sql("""
                insert into catalog_entry (version_id, kind, id, document_id, body)
                values (:v, :k, :id, :d, cast(:b as jsonb))
                on conflict (version_id, kind, id) do update set document_id = excluded.document_id, body = excluded.body
                """).param("v", versionId).param("k", kind).param("id", id).param("d", documentId)
                .param("b", json.writeValueAsString(body)).update();
    }

    /** The number a document's rules and targets cite follows the document's own number. */
    void renumberCitations(int versionId, String documentId, String number) {
        jdbc.sql("""
                update catalog_entry set body = jsonb_set(body, '{citation,document}', to_jsonb(cast(:n as text)))
                where version_id = :v and document_id = :d and kind in ('RULE', 'TARGET', 'REPLACEMENT') and jsonb_typeof(body -> 'citation') = 'object'
                """).param("n", number).param("v", versionId).param("d", documentId).update();
    }

    void deleteRule(int versionId, String ruleId) {
        jdbc.sql("delete from catalog_entry where version_id = :v and kind = 'RULE' and id = :id")
                .param("v", versionId).param("id", ruleId).update();
    }

    /** A draft given up: kept (labels are never reused) but marked as superseded without ever being published. */
    void discard(int versionId, String note) {
        jdbc.sql("""
                update catalog_version set status = 'SUPERSEDED', note = concat_ws(' · ', note, :note)
                where id = :id and status = 'DRAFT'
                """).param("note", note).param("id", versionId).update();
    }

    /** Every version holding the rule, newest first. */
    List<RuleInVersion> history(String ruleId) {
        return jdbc.sql("""
                select v.label, e.body::text from catalog_entry e join catalog_version v on v.id = e.version_id
                where e.kind = 'RULE' and e.id = :id order by v.id desc
                """).param("id", ruleId)
                .query((rs, n) -> new RuleInVersion(rs.getString(1), rule(rs.getString(2)))).list();
    }

    private CatalogRule rule(String body) {
        CatalogRule r = json.readValue(body, CatalogRule.class);
        Object limit = r.limit() instanceof Number n ? new BigDecimal(n.toString()) : r.limit();
        return new CatalogRule(r.id(), r.documentId(), r.kind(), r.dimension(), r.industry(), r.equipmentType(),
                r.subject(), r.metric(), r.when(), r.comparator(), limit, r.unit(), r.severity(), r.deadline(),
                r.effectiveFrom(), r.effectiveTo(), r.confidence(), r.citation());
    }

    private static CatalogVersion version(ResultSet rs, int row) throws SQLException {
        String status = rs.getString("status");
        Instant publishedAt = instant(rs.getTimestamp("published_at"));
        String state = CatalogVersion.SUPERSEDED.equals(status) && publishedAt == null ? CatalogVersion.DISCARDED : status;
        return new CatalogVersion(rs.getInt("id"), rs.getString("label"), state, rs.getString("based_on"),
                rs.getString("source_hash"), rs.getString("note"), instant(rs.getTimestamp("created_at")),
                rs.getString("created_by"), publishedAt, rs.getString("published_by"));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
