package org.capgov.supervision.leads;

import java.math.BigDecimal;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.capgov.audit.AuditAction;
import org.capgov.audit.AuditEvent;
import org.capgov.audit.AuditTrail;
import org.capgov.enforcement.CaseDetail;
import org.capgov.enforcement.CaseService;
import org.capgov.enforcement.OpenCaseRequest;
import org.capgov.notification.Notice;
import org.capgov.registry.Enterprise;
import org.capgov.registry.EnterpriseDraft;
import org.capgov.registry.EnterpriseService;
import org.capgov.shared.Actors;
import org.capgov.shared.DomainException;
import org.capgov.shared.DomainException.FieldProblem;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Leads from the public about a place, registered or not (seed 004 四、（四）): stored with a tracking number, routed by
 * matter and region to the responsible department ({@link LeadPolicies}, else the district government, else the
 * city's coordinating office), which verifies and either closes the lead with a reason or registers it: a registry
 * entry, an enforcement case and a problem of the register, in one transaction. Every step is audited, without the
 * reporter's contact, which only the handling department reads.
 */
@Service
public class PublicLeadService {

    /** The city coordinator office (V4 seed): where a lead goes when no department of the region takes it. */
    static final String FALLBACK = "CQ-LDXZB";
    static final int MAX_PHOTOS = 3;
    static final int MAX_PHOTO_BYTES = 5 * 1024 * 1024;
    private static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    private static final SecureRandom RANDOM = new SecureRandom();

    public record Submission(String matter, String region, String address, String latitude, String longitude,
            String text, String contact, String honeypot) {
    }

    public record Upload(String filename, String contentType, byte[] bytes) {
    }

    /** What the department found: the enterprise to register, the case to open and the problem list. */
    public record Registration(String uscc, String name, String industry, String dimension, LocalDate deadline,
            String list, String document, String reply) {
    }

    private final LeadRepository leads;
    private final ProblemService problems;
    private final EnterpriseService enterprises;
    private final CaseService cases;
    private final LeadRateLimit rateLimit;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PublicLeadService(LeadRepository leads, ProblemService problems, EnterpriseService enterprises, CaseService cases,
            LeadRateLimit rateLimit, AuditTrail audit, ApplicationEventPublisher events, Clock clock) {
        this.leads = leads;
        this.problems = problems;
        this.enterprises = enterprises;
        this.cases = cases;
        this.rateLimit = rateLimit;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    public List<LeadRepository.Place> districts() {
        return leads.districts();
    }

    /** Stores a lead from {@code source} (the caller's address, for the rate limit only) and notifies its department. */
    @Transactional
    public Lead submit(Submission s, List<Upload> photos, String source) {
        if (s.honeypot() != null && !s.honeypot().isEmpty()) {
            // a field people do not see: only a script fills it in
            throw DomainException.invalid("website", "error.report.rejected");
        }
        List<FieldProblem> wrong = new ArrayList<>();
        String matter = s.matter() == null ? "" : s.matter().trim().toUpperCase(Locale.ROOT);
        if (!LeadPolicies.MATTERS.contains(matter)) {
            wrong.add(new FieldProblem("matter", String.valueOf(s.matter()), "请选择举报事项"));
        }
        LeadRepository.Place place = s.region() == null || s.region().isBlank() ? null
                : leads.region(s.region().trim()).orElse(null);
        if (place == null) {
            wrong.add(new FieldProblem("region", String.valueOf(s.region()), "请选择所在区县"));
        }
        String address = s.address() == null ? "" : s.address().strip();
        if (address.isEmpty()) {
            wrong.add(new FieldProblem("address", "", "请填写地址或位置描述"));
        } else if (address.length() > Lead.MAX_ADDRESS) {
            wrong.add(new FieldProblem("address", "", "地址不能超过 " + Lead.MAX_ADDRESS + " 字"));
        }
        BigDecimal lat = coordinate("latitude", s.latitude(), 90, "纬度", wrong);
        BigDecimal lon = coordinate("longitude", s.longitude(), 180, "经度", wrong);
        if ((lat == null) != (lon == null) && wrong.isEmpty()) {
            wrong.add(new FieldProblem(lat == null ? "latitude" : "longitude", "", "地图位置需同时填写经度和纬度"));
        }
        String text = s.text() == null ? "" : s.text().strip();
        if (text.isEmpty()) {
            wrong.add(new FieldProblem("text", "", "请填写举报内容"));
        } else if (text.codePointCount(0, text.length()) > Lead.MAX_TEXT) {
            wrong.add(new FieldProblem("text", "", "举报内容不能超过 " + Lead.MAX_TEXT + " 字"));
        }
        String contact = s.contact() == null || s.contact().isBlank() ? null : s.contact().strip();
        if (contact != null && contact.length() > Lead.MAX_CONTACT) {
            wrong.add(new FieldProblem("contact", "", "联系方式不能超过 " + Lead.MAX_CONTACT + " 字"));
        }
        List<Upload> images = photos == null ? List.of()
                : photos.stream().filter(p -> p.bytes() != null && p.bytes().length > 0).toList();
        if (images.size() > MAX_PHOTOS) {
            wrong.add(new FieldProblem("photos", "", "最多上传 " + MAX_PHOTOS + " 张照片"));
        }
        for (Upload p : images) {
            String type = p.contentType() == null ? "" : p.contentType().toLowerCase(Locale.ROOT);
            if (!type.equals("image/jpeg") && !type.equals("image/png")) {
                wrong.add(new FieldProblem("photos", p.filename(), "照片只接受 jpg 或 png 图片"));
            } else if (p.bytes().length > MAX_PHOTO_BYTES) {
                wrong.add(new FieldProblem("photos", p.filename(), "每张照片不能超过 5 MB"));
            }
        }
        if (!wrong.isEmpty()) {
            throw DomainException.invalid(wrong);
        }
        if (!rateLimit.tryAcquire(source)) {
            throw new DomainException(429, "error.report.rateLimited", null, rateLimit.perHour());
        }
        String department = route(matter, place.path());
        String trackingNo = trackingNo();
        var now = clock.instant();
        long id = leads.insert(trackingNo, matter, place, address, lat, lon, text, contact, department, now);
        for (Upload p : images) {
            String name = p.filename() == null || p.filename().isBlank() ? "照片"
                    : p.filename().replaceAll("[\\\\/\\r\\n]", "_");
            leads.addPhoto(id, name.length() > 120 ? name.substring(0, 120) : name,
                    p.contentType().toLowerCase(Locale.ROOT), sha256(p.bytes()), p.bytes());
        }
        leads.addEvent(id, "RECEIVE", null, "RECEIVED", department, null, Actors.username(), now);
        Lead lead = leads.byTrackingNo(trackingNo).orElseThrow();
        audit.record(new AuditEvent(AuditAction.CREATE, "supervision_lead", trackingNo, place.path(),
                "举报线索：" + place.name() + " " + address, null, auditState(lead)));
        notify(lead, department);
        return lead;
    }

    /** The department for a matter in a region: that dimension's bureau, else the district government, else the city. */
    String route(String matter, String path) {
        return LeadPolicies.route(matter, path, leads.desks(path), FALLBACK);
    }

    public Lead.Status status(String trackingNo) {
        return leads.byTrackingNo(normalise(trackingNo)).map(Lead::status)
                .orElseThrow(() -> DomainException.notFound("error.lead.notFound", trackingNo));
    }

    /** One page of the leads the caller sees, newest first, of one state and one matter when given. */
    public LeadRepository.Page search(String state, String matter, int page, int size) {
        String s = state == null || state.isBlank() ? null : state.trim().toUpperCase(Locale.ROOT);
        if (s != null && !LeadPolicies.STATES.contains(s)) {
            throw DomainException.invalid("state", "error.lead.state", state);
        }
        String m = matter == null || matter.isBlank() ? null : matter.trim().toUpperCase(Locale.ROOT);
        if (m != null && !LeadPolicies.MATTERS.contains(m)) {
            throw DomainException.invalid("matter", "error.lead.matter", matter);
        }
        return leads.search(Callers.visibility("l.region_path", "l.department_code"), s, m, Math.max(0, page), size);
    }

    public Lead get(String trackingNo) {
        String t = normalise(trackingNo);
        return leads.byTrackingNo(t).filter(l -> leads.canSee(l.id(), Callers.visibility("l.region_path",
                "l.department_code"))).orElseThrow(() -> DomainException.notFound("error.lead.notFound", t));
    }

    /** Whether the caller belongs to the department handling the lead: only they read the reporter's contact. */
    public boolean handles(Lead l) {
        return leads.departmentsOf(Actors.username()).contains(l.departmentCode());
    }

    public List<Lead.Photo> photos(Lead l) {
        return leads.photos(l.id());
    }

    public byte[] photo(Lead l, long photoId) {
        return leads.photoBytes(l.id(), photoId).orElseThrow(() -> DomainException.notFound("error.lead.notFound",
                l.trackingNo()));
    }

    public List<Lead.Event> events(Lead l) {
        return leads.events(l.id());
    }

    /** 核实: the department starts verifying on site. */
    @Transactional
    public Lead verify(String trackingNo, Integer version, String note) {
        return step(trackingNo, version, "VERIFY", note, null, null, null, null);
    }

    /** Closes the lead with the reason the reporter reads (e.g. nothing found, already handled). */
    @Transactional
    public Lead close(String trackingNo, Integer version, String reply) {
        if (reply == null || reply.isBlank()) {
            throw DomainException.invalid("reply", "error.lead.replyRequired");
        }
        return step(trackingNo, version, "CLOSE", reply.strip(), reply.strip(), null, null, null);
    }

    /**
     * Turns a verified lead into a registry entry (or finds the enterprise already registered under the code), an
     * enforcement case opened on inspection, and a problem of the register assigned to the department with the
     * case's deadline. All or nothing: a refused step leaves the lead as it was.
     */
    @Transactional
    public Lead register(String trackingNo, Integer version, Registration r) {
        Lead l = handled(trackingNo, version, "REGISTER");
        List<FieldProblem> wrong = new ArrayList<>();
        String uscc = r.uscc() == null ? "" : r.uscc().trim().toUpperCase(Locale.ROOT);
        if (uscc.isEmpty()) {
            wrong.add(new FieldProblem("uscc", "", "请填写经营主体的统一社会信用代码"));
        }
        if (r.deadline() == null) {
            wrong.add(new FieldProblem("deadline", "", "请填写整改期限"));
        }
        String dimension = r.dimension() == null || r.dimension().isBlank()
                ? LeadPolicies.dimension(l.matter()).orElse("") : r.dimension().trim();
        if (dimension.isEmpty()) {
            wrong.add(new FieldProblem("dimension", "", "请选择立案维度"));
        }
        if (!wrong.isEmpty()) {
            throw DomainException.invalid(wrong);
        }
        Enterprise enterprise = registered(uscc).orElseGet(() -> enterprises.create(new EnterpriseDraft(uscc,
                r.name() == null ? null : r.name().strip(), l.regionCode(),
                r.industry() == null || r.industry().isBlank() ? List.of() : List.of(r.industry().trim()),
                l.address(), null, null, null, null, null, null, false)));
        String note = "举报线索 " + l.trackingNo() + "：" + l.address();
        CaseDetail opened = cases.open(new OpenCaseRequest(enterprise.uscc(), dimension, null, null, null,
                r.deadline(), "INSPECTION", r.document(), note));
        String caseId = opened.summary().id();
        String list = r.list() == null || r.list().isBlank() ? LeadPolicies.list(l.matter()) : r.list().trim();
        Problem problem = problems.record(new ProblemService.Draft(list, enterprise.name() + "：" + l.address(),
                l.text(), "LEAD", l.trackingNo(), l.regionCode(), l.departmentCode(), r.deadline(), enterprise.uscc(),
                caseId));
        String reply = r.reply() == null || r.reply().isBlank() ? "经核实，已登记并立案查处。" : r.reply().strip();
        return finish(l, "REGISTER", "REGISTERED", reply, problem.id(), enterprise.uscc(), caseId,
                "登记 " + enterprise.uscc() + "，立案 " + caseId + "，问题 " + problem.id());
    }

    private java.util.Optional<Enterprise> registered(String uscc) {
        try {
            return java.util.Optional.of(enterprises.get(uscc));
        } catch (DomainException e) {
            if (e.status() == 404) {
                return java.util.Optional.empty();
            }
            throw e;
        }
    }

    private Lead step(String trackingNo, Integer version, String action, String note, String reply, Long problemId,
            String uscc, String caseId) {
        Lead l = handled(trackingNo, version, action);
        if (note != null && note.length() > Lead.MAX_TEXT) {
            throw DomainException.invalid(reply != null ? "reply" : "note", "error.lead.tooLong", Lead.MAX_TEXT);
        }
        String to = LeadPolicies.next(l.state(), action).orElseThrow();
        return finish(l, action, to, reply, problemId, uscc, caseId, note);
    }

    /** The lead, if the caller's department handles it (or the caller coordinates) and the step applies. */
    private Lead handled(String trackingNo, Integer version, String action) {
        Lead l = get(trackingNo);
        if (!handles(l) && !Callers.coordinator()) {
            throw DomainException.forbidden("error.lead.notHandler", l.departmentName());
        }
        if (version != null && version != l.version()) {
            throw DomainException.conflict("error.lead.changed");
        }
        if (LeadPolicies.next(l.state(), action).isEmpty()) {
            throw DomainException.conflict("error.lead.transition", action, l.state());
        }
        return l;
    }

    private Lead finish(Lead l, String action, String to, String reply, Long problemId, String uscc, String caseId,
            String note) {
        var now = clock.instant();
        boolean closing = !LeadPolicies.open(to);
        if (!leads.update(l, to, closing ? reply : l.reply(), problemId, uscc, caseId, closing, now)) {
            throw DomainException.conflict("error.lead.changed");
        }
        leads.addEvent(l.id(), action, l.state(), to, l.departmentCode(), note, Actors.username(), now);
        Lead after = leads.byTrackingNo(l.trackingNo()).orElseThrow();
        audit.record(AuditEvent.updated("supervision_lead", l.trackingNo(), l.regionPath(), auditState(l),
                auditState(after)));
        return after;
    }

    private void notify(Lead l, String department) {
        events.publishEvent(new Notice("SUPERVISION_LEAD", "收到举报线索 " + l.trackingNo() + "：" + l.regionName(),
                "地址：" + l.address() + "。请在 /supervision/leads 核实处理。", "/supervision/leads/" + l.trackingNo(),
                l.regionPath(), List.of(department), List.of(), "supervision-lead:" + l.trackingNo()));
    }

    /** The audited state of a lead: without the reporter's contact. */
    private static Map<String, Object> auditState(Lead l) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("trackingNo", l.trackingNo());
        m.put("matter", l.matter());
        m.put("region", l.regionCode());
        m.put("address", l.address());
        m.put("department", l.departmentCode());
        m.put("state", l.state());
        m.put("reply", l.reply());
        m.put("problem", l.problemId());
        m.put("uscc", l.uscc());
        m.put("caseId", l.caseId());
        return m;
    }

    private static BigDecimal coordinate(String field, String value, int bound, String name, List<FieldProblem> wrong) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            BigDecimal v = new BigDecimal(value.trim());
            if (v.abs().compareTo(BigDecimal.valueOf(bound)) <= 0) {
                return v.setScale(6, java.math.RoundingMode.HALF_UP);
            }
        } catch (NumberFormatException e) {
            // explained below
        }
        wrong.add(new FieldProblem(field, value, name + "应为 -" + bound + " 到 " + bound + " 之间的数"));
        return null;
    }

    static String trackingNo() {
        StringBuilder b = new StringBuilder("XS-");
        for (int i = 0; i < 12; i++) {
            b.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return b.toString();
    }

    private static String normalise(String trackingNo) {
        return trackingNo == null ? "" : trackingNo.trim().toUpperCase(Locale.ROOT);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
