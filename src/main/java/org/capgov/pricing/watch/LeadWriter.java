package org.capgov.pricing.watch;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.capgov.audit.AuditEvent;
import org.capgov.audit.AuditTrail;
import org.capgov.identity.Role;
import org.capgov.notification.Notice;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns the hits of a watch run into leads, set-wise: one insert per chunk of hits (a hit raised before is passed
 * over), one batch of audit entries, and the notices grouped per district. A district with a few new leads gets a
 * notice for each, naming the enterprise and linking to the lead; one with more gets a single notice for the run
 * listing them, so a month's mass run does not bury the district's inbox under thousands of items.
 */
@Component
class LeadWriter {

    /** Up to this many new leads in a district and run are notified one by one. */
    static final int SINGLY = 3;
    /** Leads named in the body of a district's notice for a run. */
    static final int LISTED = 30;
    private static final int CHUNK = 10_000;

    /** A hit of one account, with the trailing months the rules saw. */
    record Raised(WatchService.Watched account, WatchRules.Hit hit, List<BigDecimal> trailing) {
    }

    private record Written(long id, Raised raised) {
    }

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final JsonMapper json;

    LeadWriter(JdbcClient jdbc, AuditTrail audit, ApplicationEventPublisher events, JsonMapper json) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.events = events;
        this.json = json;
    }

    /** Writes the leads not raised before; returns how many were new. Runs in the caller's transaction. */
    int write(YearMonth month, List<Raised> hits) {
        List<Written> written = new ArrayList<>();
        for (int from = 0; from < hits.size(); from += CHUNK) {
            written.addAll(insert(month, hits.subList(from, Math.min(hits.size(), from + CHUNK))));
        }
        List<AuditEvent> entries = new ArrayList<>(written.size());
        Map<String, List<Written>> byRegion = new LinkedHashMap<>();
        for (Written w : written) {
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("gridAccount", w.raised().account().accountNo());
            after.put("uscc", w.raised().account().uscc());
            after.put("rule", w.raised().hit().rule());
            after.put("month", month.toString());
            entries.add(AuditEvent.created("power_lead", Long.toString(w.id()), w.raised().account().regionPath(), after));
            byRegion.computeIfAbsent(w.raised().account().regionPath(), k -> new ArrayList<>()).add(w);
        }
        audit.recordAll(entries);
        Map<String, List<String>> departments = new HashMap<>();
        byRegion.forEach((path, leads) -> notify(month, path, leads,
                departments.computeIfAbsent(path, this::departments)));
        return written.size();
    }

    /** One statement per chunk; the ids come back for the hits that were new (the rest had a lead already). */
    private List<Written> insert(YearMonth month, List<Raised> chunk) {
        int n = chunk.size();
        String[] accounts = new String[n];
        Long[] enterprises = new Long[n];
        String[] usccs = new String[n];
        String[] paths = new String[n];
        String[] rules = new String[n];
        String[] figures = new String[n];
        Map<String, Raised> byKey = new HashMap<>();
        for (int i = 0; i < n; i++) {
            Raised r = chunk.get(i);
            accounts[i] = r.account().accountNo();
            enterprises[i] = r.account().enterpriseId();
            usccs[i] = r.account().uscc();
            paths[i] = r.account().regionPath();
            rules[i] = r.hit().rule();
            Map<String, Object> f = new LinkedHashMap<>(r.hit().figures());
            f.put("history", r.trailing());
            figures[i] = json.writeValueAsString(f);
            byKey.put(accounts[i] + "|" + rules[i], r);
        }
        List<Written> out = new ArrayList<>();
        jdbc.sql("""
                insert into power_lead (account_no, enterprise_id, uscc, region_path, rule, month, figures)
                select a, e, u, p, r, :month, cast(f as jsonb)
                from unnest(cast(:accounts as text[]), cast(:enterprises as bigint[]), cast(:usccs as text[]),
                            cast(:paths as text[]), cast(:rules as text[]), cast(:figures as text[]))
                     with ordinality as x(a, e, u, p, r, f, n)
                order by n
                on conflict (account_no, rule, month) do nothing returning id, account_no, rule""")
                .param("month", Date.valueOf(month.atDay(1))).param("accounts", accounts)
                .param("enterprises", enterprises).param("usccs", usccs).param("paths", paths).param("rules", rules)
                .param("figures", figures)
                .query((java.sql.ResultSet rs) -> {
                    out.add(new Written(rs.getLong(1), byKey.get(rs.getString(2) + "|" + rs.getString(3))));
                });
        out.sort(java.util.Comparator.comparingLong(Written::id));
        return out;
    }

    private void notify(YearMonth month, String path, List<Written> leads, List<String> departments) {
        List<Notice> notices = new ArrayList<>();
        if (leads.size() <= SINGLY) {
            for (Written w : leads) {
                WatchService.Watched a = w.raised().account();
                WatchRules.Hit hit = w.raised().hit();
                String title = "用电异常线索：" + a.name() + "（" + month + "）";
                String body = "供电户号 " + a.accountNo() + "，" + LeadTexts.ruleText(hit.rule()) + "。本月用电量 "
                        + plain(hit.figures().get("kwh")) + " 千瓦时，判定阈值 " + plain(hit.figures().get("threshold"))
                        + "。请核实后驳回或立案。";
                notices.add(Notice.of("POWER_LEAD", title, body).linkingTo("/pricing/leads/" + w.id())
                        .once("POWER_LEAD:" + w.id()));
            }
        } else {
            Written first = leads.get(0);
            StringBuilder body = new StringBuilder("本次用电监测（" + month + "）在本辖区发现 " + leads.size()
                    + " 条用电异常线索，请逐条核实后驳回或立案：\n");
            for (Written w : leads.subList(0, Math.min(LISTED, leads.size()))) {
                body.append("· ").append(w.raised().account().name()).append("，供电户号 ")
                        .append(w.raised().account().accountNo()).append("：")
                        .append(LeadTexts.ruleText(w.raised().hit().rule())).append('\n');
            }
            if (leads.size() > LISTED) {
                body.append("另有 ").append(leads.size() - LISTED).append(" 条，见线索列表。");
            }
            notices.add(Notice.of("POWER_LEAD", "用电异常线索 " + leads.size() + " 条：" + first.raised().account().name()
                    + " 等（" + month + "）", body.toString()).linkingTo("/pricing/leads?status=OPEN")
                    .once("POWER_LEAD_RUN:" + first.id()));
        }
        for (Notice notice : notices) {
            Notice n = notice.inRegion(path).toRoles(Role.DISTRICT_OFFICER);
            if (!departments.isEmpty()) {
                n = n.toDepartments(departments.toArray(String[]::new));
            }
            events.publishEvent(n);
        }
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    /** The district government and the 经济信息委 nearest to the enterprise's region. */
    List<String> departments(String regionPath) {
        List<String> out = new ArrayList<>();
        String government = null;
        String jxw = null;
        for (Map<String, Object> d : jdbc.sql("""
                select d.code, d.kind, d.name from department d join region r on r.code = d.region_code
                where d.active and :path like r.path || '%'
                  and (d.kind = 'DISTRICT_GOVERNMENT' or d.name like '%经济和信息化委员会')
                order by length(r.path) desc, d.code""").param("path", regionPath).query().listOfRows()) {
            if ("DISTRICT_GOVERNMENT".equals(d.get("kind"))) {
                government = government == null ? (String) d.get("code") : government;
            } else {
                jxw = jxw == null ? (String) d.get("code") : jxw;
            }
        }
        if (government != null) {
            out.add(government);
        }
        if (jxw != null) {
            out.add(jxw);
        }
        return out;
    }
}
