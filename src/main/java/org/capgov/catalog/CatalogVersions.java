package org.capgov.catalog;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.capgov.shared.DomainException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/**
 * Catalog versions by label: the list, their metadata and their content. Published and superseded versions never
 * change, so their content is kept once read; a draft is read afresh each time.
 */
@Service
public class CatalogVersions {

    private static final int CACHED = 16;
    private static final List<String> EDITOR_AUTHORITIES = List.of("ROLE_ADMIN", "ROLE_COORDINATOR");

    private final CatalogRepository repository;
    private final CatalogDraftRepository drafts;
    private final Map<String, Catalog> closed = new ConcurrentHashMap<>();

    CatalogVersions(CatalogRepository repository, CatalogDraftRepository drafts) {
        this.repository = repository;
        this.drafts = drafts;
    }

    /** Every version, newest first. */
    public List<CatalogVersion> list() {
        return drafts.versions();
    }

    public Optional<CatalogVersion> published() {
        return drafts.published();
    }

    public Optional<CatalogVersion> openDraft() {
        return drafts.openDraft();
    }

    /** The version with this label; 404 when there is none. */
    public CatalogVersion get(String label) {
        return find(label).orElseThrow(() -> DomainException.notFound("error.catalog.versionNotFound", label));
    }

    public Optional<CatalogVersion> find(String label) {
        return label == null || label.isBlank() ? Optional.empty() : drafts.byLabel(label.trim());
    }

    /** The content of the version with this label (any state, drafts included); 404 when there is none. */
    public Catalog byLabel(String label) {
        Catalog cached = label == null ? null : closed.get(label.trim());
        if (cached != null) {
            return cached;
        }
        return content(get(label));
    }

    Catalog content(CatalogVersion version) {
        Catalog cached = closed.get(version.label());
        if (cached != null) {
            return cached;
        }
        Catalog c = repository.load(version.asVersion());
        if (!version.draft()) {
            if (closed.size() >= CACHED) {
                closed.clear();
            }
            closed.put(version.label(), c);
        }
        return c;
    }

    /** What {@code toLabel} adds, changes or withdraws against {@code fromLabel}: documents, rules, targets. */
    public List<CatalogChange> changes(String fromLabel, String toLabel) {
        return CatalogDiffs.all(byLabel(fromLabel), byLabel(toLabel));
    }

    /** Every version holding the rule, newest first; drafts only for those who edit the catalogue. */
    List<CatalogDraftRepository.RuleInVersion> history(String ruleId) {
        boolean editor = editor();
        List<String> hidden = editor ? List.of()
                : drafts.versions().stream().filter(CatalogVersion::draft).map(CatalogVersion::label).toList();
        return drafts.history(ruleId).stream().filter(r -> !hidden.contains(r.label())).toList();
    }

    /**
     * The version a reader asked for: the published one when {@code label} is empty. Drafts are shown only to those
     * who edit the catalogue; to anyone else a draft label is unknown (404).
     */
    CatalogVersion visible(String label) {
        if (label == null || label.isBlank()) {
            return published().orElseThrow(() -> DomainException.notFound("error.catalog.noPublished"));
        }
        CatalogVersion version = get(label);
        if (version.draft() && !editor()) {
            throw DomainException.notFound("error.catalog.versionNotFound", label);
        }
        return version;
    }

    /** ADMIN and COORDINATOR create, edit, publish and discard drafts. */
    static boolean editor() {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getAuthorities().stream()
                .anyMatch(a -> EDITOR_AUTHORITIES.contains(a.getAuthority()));
    }
}
