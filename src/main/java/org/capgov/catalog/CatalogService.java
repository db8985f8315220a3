package org.capgov.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.capgov.audit.AuditAction;
import org.capgov.audit.AuditEvent;
import org.capgov.audit.AuditTrail;
import org.capgov.shared.Actors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The published catalogue. At start-up the data files are compared with the published version by hash; new file
 * content becomes a new published version (audited), so that every evaluation names the content it used.
 */
@Service
public class CatalogService {

    private static final Logger log = LoggerFactory.getLogger(CatalogService.class);

    private final CatalogRepository repository;
    private final AuditTrail audit;
    private volatile Catalog current;

    CatalogService(CatalogRepository repository, AuditTrail audit) {
        this.repository = repository;
        this.audit = audit;
    }

    /** The published version (loaded on first use). */
    public Catalog current() {
        Catalog c = current;
        if (c == null) {
            synchronized (this) {
                if (current == null) {
                    current = repository.published().map(repository::load)
                            .orElseThrow(() -> new IllegalStateException("no published catalogue version"));
                }
                c = current;
            }
        }
        return c;
    }

    /** The monitored products the published version adds to those of the data files (seed 000 二、（八））. */
    public List<MonitoredProduct> monitoredProducts() {
        return repository.published().map(v -> repository.monitoredProducts(v.id())).orElse(List.of());
    }

    /** Another version has been published (a draft, see CatalogDraftService): the next {@link #current()} reads it. */
    void published() {
        current = null;
    }

    public List<CatalogRepository.Version> versions() {
        return repository.versions();
    }

    /** Publishes the data files as a new version unless the published one already holds exactly them. */
    @Transactional
    public void synchroniseWithFiles() {
        CatalogFiles.Content files;
        try {
            files = CatalogFiles.read("pending");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        repository.lock();
        var published = repository.published();
        // the newest version loaded from files tells whether the files changed; versions people published from
        // drafts carry no hash and must survive a restart
        var lastLoaded = repository.versions().stream().map(CatalogRepository.Version::sourceHash)
                .filter(java.util.Objects::nonNull).findFirst();
        if (published.isPresent() && lastLoaded.filter(files.hash()::equals).isPresent()) {
            return;
        }
        String label = Integer.toString(repository.nextNumber());
        int id = repository.insertVersion(label, "DRAFT", files.hash(), "数据文件 / data files", Actors.username());
        repository.insertContent(id, files.catalogue());
        repository.publish(id, Actors.username());
        audit.record(new AuditEvent(AuditAction.PUBLISH, "catalog_version", label, null, "目录数据文件发布为版本 " + label,
                published.map(v -> Map.of("version", v.label())).orElse(null),
                Map.of("version", label, "documents", files.catalogue().documents().size(),
                        "rules", files.catalogue().rules().size(), "targets", files.catalogue().targets().size(),
                        "sourceHash", files.hash())));
        current = null;
        log.info("Catalog version {} published from data files: {} documents, {} rules and elimination items, {} targets",
                label, files.catalogue().documents().size(), files.catalogue().rules().size(),
                files.catalogue().targets().size());
    }
}
