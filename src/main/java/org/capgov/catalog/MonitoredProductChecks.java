package org.capgov.catalog;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.capgov.shared.DomainException;
import org.capgov.shared.DomainException.FieldProblem;
import org.capgov.shared.Product;

/** Checks of a monitored-product entry of a draft; every problem names its field. */
final class MonitoredProductChecks {

    private static final Set<String> FIELDS = Set.of("product", "documentId", "effectiveFrom", "citation");

    private MonitoredProductChecks() {
    }

    static MonitoredProduct entry(Map<String, Object> body, Catalog draft) {
        List<FieldProblem> problems = new ArrayList<>();
        CatalogEntryInput in = new CatalogEntryInput(body, "", problems);
        in.only(FIELDS);
        String product = in.code("product", Arrays.stream(Product.values()).map(Product::name).toList(), "产品");
        if (product == null && !in.has("product")) {
            in.problem("product", "", "缺少产品");
        }
        String documentId = in.required("documentId", 64, "依据文件");
        SourceDocument doc = documentId == null ? null : draft.documents().get(documentId);
        if (documentId != null && doc == null) {
            in.problem("documentId", documentId, "草稿中没有依据文件 " + documentId);
        }
        LocalDate from = in.date("effectiveFrom");
        if (from == null && !in.has("effectiveFrom")) {
            in.problem("effectiveFrom", "", "缺少纳入监测的日期");
        }
        Citation citation = null;
        if (!in.has("citation")) {
            in.problem("citation", "", "缺少出处（条款与原文引文）");
        } else {
            CatalogEntryInput c = new CatalogEntryInput(in.object("citation"), "citation.", problems);
            c.only(Set.of("section", "standard", "text"));
            citation = new Citation(doc == null ? null : doc.number(), c.required("section", 200, "条款或章节"),
                    c.text("standard", 200), c.required("text", 4000, "原文引文"));
        }
        if (!problems.isEmpty()) {
            throw DomainException.invalid(problems);
        }
        return new MonitoredProduct(MonitoredProduct.idOf(product), documentId, product, from, citation);
    }
}
