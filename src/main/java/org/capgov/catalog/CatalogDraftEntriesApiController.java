package org.capgov.catalog;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Whole entries of a draft over JSON: add rules and elimination items, add and edit targets and source documents.
 * Bodies use the field names of the catalogue data files (catalog/FORMAT.md); an edit sends only the fields it
 * changes. A refusal is a 400 problem+json naming each field at fault (e.g. {@code unit}, {@code when[0].param},
 * {@code citation.text}). Rules are edited with {@code PUT /api/v1/catalog/drafts/{label}/rules/{id}}.
 */
@RestController
@RequestMapping("/api/v1/catalog/drafts/{label}")
@Tag(name = "catalog", description = "Standards catalogue, versions and drafts 标准目录、版本与草稿")
class CatalogDraftEntriesApiController {

    private final CatalogDraftEntries entries;

    CatalogDraftEntriesApiController(CatalogDraftEntries entries) {
        this.entries = entries;
    }

    @PostMapping("/rules")
    @PreAuthorize(CatalogApiController.EDITORS)
    @Operation(summary = "Add a rule or (kind ELIMINATION) an elimination item to a draft 草稿中新增规则或淘汰类条目")
    ResponseEntity<CatalogDraftEntries.EntryResult> addRule(@PathVariable String label,
            @RequestBody(required = false) Map<String, Object> body) {
        CatalogDraftEntries.EntryResult r = entries.addRule(label, body);
        return ResponseEntity.created(URI.create("/api/v1/catalog/rules/" + r.id() + "?version=" + r.version())).body(r);
    }

    @PostMapping("/targets")
    @PreAuthorize(CatalogApiController.EDITORS)
    @Operation(summary = "Add a target to a draft 草稿中新增目标")
    ResponseEntity<CatalogDraftEntries.EntryResult> addTarget(@PathVariable String label,
            @RequestBody(required = false) Map<String, Object> body) {
        CatalogDraftEntries.EntryResult r = entries.addTarget(label, body);
        return ResponseEntity.created(URI.create("/api/v1/catalog?version=" + r.version())).body(r);
    }

    @PutMapping("/targets/{id}")
    @PreAuthorize(CatalogApiController.EDITORS)
    @Operation(summary = "Change fields of a target of a draft 修改草稿中的目标")
    CatalogDraftEntries.EntryResult replaceTarget(@PathVariable String label, @PathVariable String id,
            @RequestBody(required = false) Map<String, Object> body) {
        return entries.replaceTarget(label, id, body);
    }

    @PostMapping("/monitored-products")
    @PreAuthorize(CatalogApiController.EDITORS)
    @Operation(summary = "Add a product to the monitored list (seed 000 二、（八）, 57 products) of a draft 草稿中新增监测产品")
    ResponseEntity<CatalogDraftEntries.EntryResult> addMonitoredProduct(@PathVariable String label,
            @RequestBody(required = false) Map<String, Object> body) {
        CatalogDraftEntries.EntryResult r = entries.addMonitoredProduct(label, body);
        return ResponseEntity.created(URI.create("/api/v1/catalog?version=" + r.version())).body(r);
    }

    @PostMapping("/documents")
    @PreAuthorize(CatalogApiController.EDITORS)
    @Operation(summary = "Add a source document to a draft 草稿中新增依据文件")
    ResponseEntity<CatalogDraftEntries.EntryResult> addDocument(@PathVariable String label,
            @RequestBody(required = false) Map<String, Object> body) {
        CatalogDraftEntries.EntryResult r = entries.addDocument(label, body);
        return ResponseEntity.created(URI.create("/api/v1/catalog?version=" + r.version())).body(r);
    }

    @PutMapping("/documents/{id}")
    @PreAuthorize(CatalogApiController.EDITORS)
    @Operation(summary = "Change fields of a source document of a draft (its rules' citations follow a new number) "
            + "修改草稿中的依据文件")
    CatalogDraftEntries.EntryResult replaceDocument(@PathVariable String label, @PathVariable String id,
            @RequestBody(required = false) Map<String, Object> body) {
        return entries.replaceDocument(label, id, body);
    }
}
