package org.capgov.enforcement.documents;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.capgov.catalog.CatalogRule;
import org.capgov.catalog.CatalogService;
import org.capgov.catalog.Catalog;
import org.capgov.catalog.SourceDocument;
import org.capgov.compliance.FindingsRow;
import org.capgov.compliance.FindingsService;
import org.capgov.region.RegionService;
import org.capgov.shared.Dimension;
import org.capgov.shared.DomainException;
import org.capgov.shared.Vocabulary;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.capgov.enforcement.CaseDetail;
import org.capgov.enforcement.CaseService;
import org.capgov.enforcement.EnforcementCase;
import org.capgov.enforcement.CaseEvent;
import org.capgov.enforcement.CaseKind;
import org.capgov.enforcement.CaseAction;

/**
 * The two documents of a case as Word files, in Chinese: the 限期整改通知书 (限期淘汰退出通知书 for an exit case) that
 * opens it, and the 关停决定 once the government has approved the closure. The facts come from the case, its finding
 * (observed value against the limit, where the run's findings are still stored) and the catalogue (the rule's document,
 * article and quoted words). Read within the caller's scope, like the case.
 */
@Component
public class CaseDocuments {

    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;
    /** The national guidance every case rests on (docs/domain.md §6). */
    static final String NATIONAL = "《关于利用综合标准依法依规推动落后产能退出的指导意见》（工信部联产业〔2017〕30号）";
    /** Seed 001, which sets the procedure in 涪陵区. */
    static final String FULING = "《涪陵区2020年利用综合标准依法依规推动落后产能退出工作实施方案》（涪经信发〔2020〕85号）";
    static final String FULING_PATH = "/500102/";

    private final CaseService cases;
    private final CatalogService catalog;
    private final FindingsService findings;
    private final RegionService regions;
    private final MessageSource messages;
    private final Vocabulary vocabulary;

    public CaseDocuments(CaseService cases, CatalogService catalog, FindingsService findings, RegionService regions,
            MessageSource messages, Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
        this.cases = cases;
        this.catalog = catalog;
        this.findings = findings;
        this.regions = regions;
        this.messages = messages;
    }

    /** The notice as issued when the case was opened (with a line on an extension granted since). */
    public byte[] notice(String caseId) {
        CaseDetail d = cases.get(caseId);
        EnforcementCase c = d.summary();
        CaseEvent opened = d.timeline().get(0);
        boolean exit = c.kind() == CaseKind.EXIT;
        CaseLetter letter = new CaseLetter();
        letter.header(c.departmentName());
        letter.title(exit ? "限期淘汰退出通知书" : "限期整改通知书");
        letter.number(opened.document() != null ? opened.document() : "案件编号 " + c.id());
        letter.addressee(c.enterpriseName() + "（统一社会信用代码：" + c.uscc() + "）：");
        List<String> facts = facts(c);
        facts.forEach(letter::paragraph);
        LocalDate deadline = c.originalDeadline() != null ? c.originalDeadline() : c.deadline();
        if (exit) {
            letter.paragraph("你单位上述设备属于国家和本市明令淘汰的落后产能。根据" + basis(c) + "，现责令你单位于"
                    + date(deadline) + "前完成淘汰退出，采取断水、断电、拆除动力装置、封存主体设备或拆除等措施，使相应产能不再"
                    + "投入生产，并作出不再恢复生产的公开承诺。逾期未完成退出的，将依法纳入信用记录，实施联合惩戒。");
        } else {
            StringBuilder order = new StringBuilder("根据").append(basis(c)).append("，现责令你单位");
            if (c.productionStopped()) {
                order.append("自本通知送达之日起立即停产停业整顿，并");
            }
            order.append("于").append(date(deadline)).append("前完成整改，整改完成后将整改报告及相关材料报送")
                    .append(c.departmentName()).append("。");
            if (cases.extendableDimensions().contains(c.dimension())) {
                order.append("确需延长整改期限的，可在期限届满前提出不超过3个月的延期申请，延期以一次为限。");
            }
            order.append("逾期未整改或经整改仍未达标的，将依法报请人民政府批准予以关停退出。");
            letter.paragraph(order.toString());
            last(d, CaseAction.GRANT_EXTENSION).ifPresent(g -> letter.paragraph("（" + date(g.effectiveDate())
                    + "经批准延期" + g.months() + "个月，整改期限延至" + date(g.deadline()) + "。）"));
        }
        letter.paragraph("法律依据：" + String.join("；", legalBasis(c)) + "。");
        letter.paragraph("如不服本通知，可在收到本通知之日起六十日内依法申请行政复议，或者在六个月内依法向人民法院提起行政诉讼。");
        letter.signature(c.departmentName(), date(opened.effectiveDate()));
        letter.footer("案件编号：" + c.id());
        return bytes(letter.document());
    }

    /** The government's closure decision; 409 before the closure has been approved. */
    public byte[] closure(String caseId) {
        CaseDetail d = cases.get(caseId);
        EnforcementCase c = d.summary();
        CaseEvent approval = last(d, CaseAction.APPROVE_CLOSURE).orElseThrow(
                () -> DomainException.conflict("enforcement.document.noClosure", c.id()));
        CaseEvent opened = d.timeline().get(0);
        String government = government(c.regionPath());
        CaseLetter letter = new CaseLetter();
        letter.header(government);
        letter.title("关停决定");
        letter.number(approval.document());
        letter.addressee(c.enterpriseName() + "（统一社会信用代码：" + c.uscc() + "）：");
        LocalDate deadline = c.originalDeadline() != null ? c.originalDeadline() : c.deadline();
        StringBuilder history = new StringBuilder();
        history.append(c.departmentName()).append("于").append(date(opened.effectiveDate())).append("向你单位下达《限期整改通知书》");
        if (opened.document() != null) {
            history.append("（").append(opened.document()).append("）");
        }
        history.append("，责令你单位于").append(date(deadline)).append("前完成整改");
        last(d, CaseAction.GRANT_EXTENSION).ifPresent(g -> history.append("；经你单位申请，于").append(date(g.effectiveDate()))
                .append("批准延期").append(g.months()).append("个月，整改期限延至").append(date(g.deadline())));
        history.append("。");
        Optional<CaseEvent> failed = last(d, CaseAction.VERIFY_FAILED);
        Optional<CaseEvent> report = last(d, CaseAction.SUBMIT_RECTIFICATION);
        failed.ifPresent(f -> history.append(report.isPresent()
                ? "经" + date(f.effectiveDate()) + "验收，你单位整改后仍未达到要求。"
                : "你单位逾期未整改，" + date(f.effectiveDate()) + "经核查认定整改不合格。"));
        last(d, CaseAction.PROPOSE_CLOSURE).ifPresent(p -> history.append(c.departmentName()).append("于")
                .append(date(p.effectiveDate())).append("提请予以关停")
                .append(p.document() == null ? "" : "（" + p.document() + "）").append("。"));
        letter.paragraph(history.toString());
        facts(c).forEach(letter::paragraph);
        String target = c.equipmentRef() == null ? "你单位" : "你单位设备 " + c.equipmentRef();
        StringBuilder decision = new StringBuilder("根据").append(basis(c)).append("，经研究，决定对").append(target)
                .append("依法予以关停退出。你单位应");
        if (approval.deadline() != null) {
            decision.append("于").append(date(approval.deadline())).append("前");
        }
        decision.append("采取断水、断电、拆除动力装置、封存主体设备或拆除等措施，使相应产能不再投入生产，并作出不再恢复生产的公开承诺；")
                .append(c.departmentName()).append("负责组织实施并现场核查。逾期未完成退出的，将依法纳入信用记录，实施联合惩戒。");
        letter.paragraph(decision.toString());
        letter.paragraph("法律依据：" + String.join("；", legalBasis(c)) + "。");
        letter.paragraph("如不服本决定，可在收到本决定之日起六十日内依法申请行政复议，或者在六个月内依法向人民法院提起行政诉讼。");
        letter.signature(government, date(approval.effectiveDate()));
        letter.footer("案件编号：" + c.id() + "　承办部门：" + c.departmentName());
        return bytes(letter.document());
    }

    /** The findings behind the case: what was observed against which limit, and the words of the rule. */
    private List<String> facts(EnforcementCase c) {
        List<String> out = new ArrayList<>();
        String dimension = messages.getMessage("enforcement.dimension." + c.dimension(), null, c.dimension().name(), ZH);
        CatalogRule rule = rule(c.ruleId());
        FindingsRow finding = finding(c.findingId());
        StringBuilder fact = new StringBuilder("经查，你单位");
        if (c.equipmentRef() != null) {
            fact.append("设备 ").append(c.equipmentRef());
            if (rule != null && rule.equipmentType() != null) {
                fact.append("（").append(label("equipmentType." + rule.equipmentType(), rule.equipmentType())).append("）");
            }
        }
        if (rule != null && rule.kind() == CatalogRule.Kind.ELIMINATION) {
            fact.append("属于淘汰类落后产能");
            if (rule.deadline() != null) {
                fact.append("，目录规定的淘汰期限为").append(date(rule.deadline()));
            }
            fact.append("。");
        } else if (finding != null && finding.value() != null && finding.limit() != null) {
            fact.append("的").append(metric(finding.metric())).append("为 ")
                    .append(vocabulary.observed(ZH, finding.metric(), finding.value(), finding.unit()))
                    .append("，不符合“").append(metric(finding.metric())).append(" ")
                    .append(vocabulary.limit(ZH, finding.metric(), finding.comparator(), finding.limit(), finding.unit()))
                    .append("”的要求，").append(dimension).append("方面不达标。");
        } else if (rule != null && rule.limit() != null && rule.metric() != null) {
            fact.append("不符合“").append(metric(rule.metric())).append(" ")
                    .append(vocabulary.limit(ZH, rule.metric(), rule.comparator(), rule.limit(), rule.unit()))
                    .append("”的要求，").append(dimension).append("方面不达标。");
        } else {
            fact.append("在").append(dimension).append("方面达不到相关标准要求。");
        }
        out.add(fact.toString());
        if (rule != null && rule.citation() != null) {
            Catalog cat = catalog.current();
            SourceDocument doc = cat.documents().get(rule.documentId());
            StringBuilder cite = new StringBuilder("上述要求见");
            if (doc != null) {
                cite.append("《").append(doc.title()).append("》");
                if (doc.number() != null) {
                    cite.append("（").append(doc.number()).append("）");
                }
            } else {
                cite.append(rule.documentId());
            }
            if (rule.citation().section() != null) {
                cite.append(rule.citation().section());
            }
            if (rule.citation().text() != null) {
                cite.append("：“").append(rule.citation().text()).append("”");
            }
            if (rule.citation().standard() != null) {
                cite.append("（").append(rule.citation().standard()).append("）");
            }
            cite.append("（规则 ").append(rule.id()).append("）。");
            out.add(cite.toString());
        }
        return out;
    }

    /** The statute of the dimension and the national guidance (and seed 001 in 涪陵区). */
    private static String basis(EnforcementCase c) {
        return statute(c.dimension()) + "及" + NATIONAL;
    }

    private static List<String> legalBasis(EnforcementCase c) {
        List<String> out = new ArrayList<>(List.of(statute(c.dimension()), NATIONAL));
        if (c.regionPath().contains(FULING_PATH)) {
            out.add(FULING);
        }
        return out;
    }

    static String statute(Dimension d) {
        return switch (d) {
            case ENERGY -> "《中华人民共和国节约能源法》";
            case ENVIRONMENT -> "《中华人民共和国环境保护法》";
            case QUALITY -> "《中华人民共和国产品质量法》";
            case SAFETY -> "《中华人民共和国安全生产法》";
            case TECHNOLOGY -> "《产业结构调整指导目录》";
        };
    }

    /** 重庆市涪陵区人民政府: the names from the city down to the case's region. */
    private String government(String regionPath) {
        StringBuilder name = new StringBuilder();
        for (String code : regionPath.split("/")) {
            if (!code.isBlank()) {
                try {
                    name.append(regions.get(code).name());
                } catch (DomainException e) {
                    // a region closed since: its name is still on the case's path, the letter goes without it
                }
            }
        }
        return name + "人民政府";
    }

    private CatalogRule rule(String ruleId) {
        if (ruleId == null) {
            return null;
        }
        return catalog.current().rules().stream().filter(r -> r.id().equals(ruleId)).findFirst().orElse(null);
    }

    private FindingsRow finding(String findingId) {
        if (findingId == null) {
            return null;
        }
        try {
            return findings.find(findingId).orElse(null);
        } catch (RuntimeException e) {
            // the run's findings may have been dropped by retention; the letter then states the rule only
            return null;
        }
    }

    private String metric(String code) {
        return vocabulary.metric(ZH, code);
    }

    private String label(String key, String fallback) {
        return messages.getMessage(key, null, fallback, ZH);
    }

    private static Optional<CaseEvent> last(CaseDetail d, CaseAction action) {
        CaseEvent found = null;
        for (CaseEvent e : d.timeline()) {
            if (e.action() == action) {
                found = e;
            }
        }
        return Optional.ofNullable(found);
    }

    static String date(LocalDate d) {
        return d == null ? "（未定）" : d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
    }

    private static byte[] bytes(XWPFDocument doc) {
        try (doc; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
