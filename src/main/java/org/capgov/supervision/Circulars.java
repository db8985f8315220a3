package org.capgov.supervision;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.capgov.audit.AuditEvent;
import org.capgov.audit.AuditTrail;
import org.capgov.identity.Role;
import org.capgov.notification.Notice;
import org.capgov.shared.Actors;
import org.capgov.shared.ChinaTime;
import org.capgov.shared.DomainException;
import org.capgov.shared.SqlPredicate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 通报 on repeated slowness (seed 004 四、（一））: a region whose tasks drew at least {@link #REPEATED} 督办 in the last
 * year and still has overdue tasks is named in a circular, generated as .docx from the template and kept with its
 * number (docs/decisions/supervision-readings.md S5).
 */
@Service
public class Circulars {

    static final int REPEATED = 2;

    private final TaskRepository tasks;
    private final SupervisionNotices notices;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Circulars(TaskRepository tasks, SupervisionNotices notices, AuditTrail audit, ApplicationEventPublisher events,
            Clock clock) {
        this.tasks = tasks;
        this.notices = notices;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** Regions in the caller's scope that are slow now, with their overdue tasks. */
    public List<CircularDocument.SlowDistrict> slowDistricts() {
        LocalDate today = ChinaTime.today(clock);
        SqlPredicate scope = Actors.scope().regionPredicate("t.region_path");
        Map<String, Integer> duban = notices.dubanByRegion(Actors.scope().regionPredicate("n.region_path"),
                today.minusDays(365));
        Map<String, List<Task>> overdue = new TreeMap<>();
        for (Task t : tasks.find(scope, null, null, null, false, today)) {
            if ("OVERDUE".equals(t.standing())) {
                overdue.computeIfAbsent(t.regionPath(), k -> new ArrayList<>()).add(t);
            }
        }
        List<CircularDocument.SlowDistrict> out = new ArrayList<>();
        for (Map.Entry<String, List<Task>> e : overdue.entrySet()) {
            int issued = duban.getOrDefault(e.getKey(), 0);
            if (issued < REPEATED) {
                continue;
            }
            List<CircularDocument.Line> lines = e.getValue().stream()
                    .filter(t -> !t.due().isBefore(today.minusDays(365)))
                    .map(t -> new CircularDocument.Line(t.title(), t.document(), t.section(), t.due().toString(),
                            String.join("、", t.leadNames()))).toList();
            out.add(new CircularDocument.SlowDistrict(e.getValue().get(0).regionName(), e.getKey(), lines.size(), issued, lines));
        }
        return out;
    }

    @Transactional
    public SupervisionNotices.Issued issue(String issuer) {
        if (issuer == null || issuer.isBlank() || issuer.length() > 100) {
            throw DomainException.invalid("issuer", "error.supervision.circular.issuer");
        }
        List<CircularDocument.SlowDistrict> slow = slowDistricts();
        if (slow.isEmpty()) {
            throw DomainException.conflict("error.supervision.circular.noneSlow", REPEATED);
        }
        LocalDate today = ChinaTime.today(clock);
        String number = notices.nextNumber("TONGBAO", today.getYear());
        Map<String, String> values = new LinkedHashMap<>();
        values.put("issuer", issuer.trim());
        values.put("year", Integer.toString(today.getYear()));
        values.put("today", chinese(today));
        values.put("document", "重庆市2024年利用综合标准依法依规推动落后产能退出工作实施方案");
        List<String> paragraphs = CircularDocument.paragraphs(values, slow);
        byte[] docx = CircularDocument.docx(values, number, paragraphs, chinese(today));
        String title = CircularDocument.fill(CircularDocument.template().get("title"), values);
        String path = commonPath(slow.stream().map(CircularDocument.SlowDistrict::path).toList());
        long id = notices.insert("TONGBAO", number, null, null, path, title, String.join("\n", paragraphs), docx,
                Actors.username(), today, clock.instant());
        audit.record(AuditEvent.created("supervision_notice", Long.toString(id), path,
                Map.of("kind", "TONGBAO", "number", number, "districts",
                        slow.stream().map(CircularDocument.SlowDistrict::name).toList())));
        events.publishEvent(Notice.of("SUPERVISION_TONGBAO", title + "（" + number + "）",
                "被通报地区：" + String.join("、", slow.stream().map(CircularDocument.SlowDistrict::name).toList()))
                .linkingTo("/supervision/notices").inRegion(path).toRoles(Role.DISTRICT_OFFICER, Role.COORDINATOR)
                .once("SUPERVISION_TONGBAO:" + number));
        return notices.list(Actors.scope().regionPredicate("n.region_path"), null).stream()
                .filter(n -> n.id() == id).findFirst().orElseThrow();
    }

    /** The circular is filed under the deepest region holding every district it names, for scoped reading. */
    static String commonPath(List<String> paths) {
        String common = paths.get(0);
        for (String p : paths) {
            while (!p.startsWith(common)) {
                common = common.substring(0, common.lastIndexOf('/', common.length() - 2) + 1);
            }
        }
        return common;
    }

    static String chinese(LocalDate d) {
        return d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
    }
}
