package org.capgov.catalog;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** Stores catalogue versions as JSON entries and reads a version back into a {@link Catalog}. */
@Repository
class CatalogRepository {

    record Version(int id, String label, String status, String sourceHash) {
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;

    CatalogRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Serialises catalogue publication across nodes that start together. */
    void lock() {
        jdbc.sql("select pg_advisory_xact_lock(:k)").param("k", 0x636174616cL).query().singleRow();
    }

    /** The monitored products a version adds (entries of kind MONITORED), by product. */
    List<MonitoredProduct> monitoredProducts(int versionId) {
        return jdbc.sql("select body::text from catalog_entry where version_id = :v and kind = 'MONITORED' order by id")
                .param("v", versionId).query((rs, n) -> json.readValue(rs.getString(1), MonitoredProduct.class)).list();
    }

    Optional<Version> published() {
        return jdbc.sql("select id, label, status, source_hash from catalog_version where status = 'PUBLISHED'")
                .query((rs, n) -> new Version(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4))).optional();
    }

    List<Version> versions() {
        return jdbc.sql("select id, label, status, source_hash from catalog_version order by id desc")
                .query((rs, n) -> new Version(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4))).list();
    }

    int nextNumber() {
        return jdbc.sql("select count(*) + 1 from catalog_version").query(Integer.class).single();
    }

    int insertVersion(String label, String status, String sourceHash, String note, String by) {
        return jdbc.sql("""
                insert into catalog_version (label, status, source_hash, note, created_by)
                values (:label, :status, :hash, :note, :by) returning id
                """).param("label", label).param("status", status).param("hash", sourceHash).param("note", note)
                .param("by", by).query(Integer.class).single();
    }

    void publish(int id, String by) {
        jdbc.sql("update catalog_version set status = 'SUPERSEDED' where status = 'PUBLISHED'").update();
        jdbc.sql("update catalog_version set status = 'PUBLISHED', published_at = now(), published_by = :by where id = :id")
                .param("by", by).param("id", id).update();
    }

    void insertContent(int versionId, Catalog c) {
        for (SourceDocument d : c.documents().values()) {
            entry(versionId, "DOCUMENT", d.id(), d.id(), d);
        }
        for (CatalogRule r : c.rules()) {
            entry(versionId, "RULE", r.id(), r.documentId(), r);
        }
        for (Target t : c.targets()) {
            entry(versionId, "TARGET", t.id(), t.documentId(), t);
        }
        for (ReplacementRule r : c.replacement()) {
            entry(versionId, "REPLACEMENT", r.id(), r.documentId(), r);
        }
    }

    private void entry(int versionId, String kind, String id, String documentId, Object body) {
        jdbc.sql("insert into catalog_entry (version_id, kind, id, document_id, body) values (:v, :k, :id, :d, cast(:b as jsonb))")
                .param("v", versionId).param("k", kind).param("id", id).param("d", documentId)
                .param("b", json.writeValueAsString(body)).update();
    }

    Catalog load(Version version) {
        Map<String, SourceDocument> documents = new LinkedHashMap<>();
        List<CatalogRule> rules = new ArrayList<>();
        List<Target> targets = new ArrayList<>();
        List<ReplacementRule> replacement = new ArrayList<>();
        jdbc.sql("select kind, body::text from catalog_entry where version_id = :v order by kind, document_id, id")
                .param("v", version.id()).query((java.sql.ResultSet rs) -> {
                    String body = rs.getString(2);
                    switch (rs.getString(1)) {
                        case "DOCUMENT" -> {
                            SourceDocument d = json.readValue(body, SourceDocument.class);
                            documents.put(d.id(), d);
                        }
                        case "RULE" -> rules.add(normalise(json.readValue(body, CatalogRule.class)));
                        case "REPLACEMENT" -> replacement.add(normalise(json.readValue(body, ReplacementRule.class)));
                        case "MONITORED" -> { } // read by monitoredProducts(), not part of the rule set
                        default -> targets.add(json.readValue(body, Target.class));
                    }
                });
        return new Catalog(version.label(), documents, rules, targets, replacement);
    }

    /** Ratios compare as BigDecimals whatever JSON gave back. */
    private static ReplacementRule normalise(ReplacementRule r) {
        return r.ratio() == null ? r : new ReplacementRule(r.id(), r.documentId(), r.kind(), r.industries(), r.product(),
                r.keyRegion(), r.replacementCase(), new BigDecimal(r.ratio().toPlainString()), r.effectiveFrom(),
                r.effectiveTo(), r.confidence(), r.citation());
    }

    /** JSON gives back integers and doubles; the engine compares BigDecimals. */
    private static CatalogRule normalise(CatalogRule r) {
        Object limit = r.limit() instanceof Number n ? new BigDecimal(n.toString()) : r.limit();
        return new CatalogRule(r.id(), r.documentId(), r.kind(), r.dimension(), r.industry(), r.equipmentType(),
                r.subject(), r.metric(), r.when(), r.comparator(), limit, r.unit(), r.severity(), r.deadline(),
                r.effectiveFrom(), r.effectiveTo(), r.confidence(), r.citation());
    }
}
