package org.capgov.registry.validation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.capgov.region.Region;
import org.capgov.shared.Industry;
import org.capgov.shared.Uscc;
import org.capgov.registry.Violation;
import org.capgov.registry.EnterpriseDraft;
import org.capgov.registry.EnterpriseStatus;

/**
 * Row-level validation of an enterprise, shared by the API, the pages and the imports: every problem is reported
 * with its field and a Chinese reason, and nothing is looked up in the database but the region snapshot.
 */
public final class EnterpriseValidator {

    static final int MAX_NAME = 200;
    static final int MAX_TEXT = 500;

    public record Outcome(ValidEnterprise enterprise, List<Violation> violations) {
    public     boolean ok() {
            return violations.isEmpty();
        }
    }

    private EnterpriseValidator() {
    }

    public static Outcome validate(EnterpriseDraft d, Map<String, Region> regions, LocalDate today) {
        List<Violation> v = new ArrayList<>();
        Uscc.Check check = Uscc.check(d.uscc());
        String flag = null;
        if (d.uscc() == null || d.uscc().isBlank()) {
            v.add(new Violation("uscc", "", "缺少统一社会信用代码"));
        } else if (!check.structureOk()) {
            v.add(new Violation("uscc", d.uscc(), "统一社会信用代码结构错误：" + check.reason()));
        } else if (!check.valid()) {
            if (Boolean.TRUE.equals(d.acceptCheckCharacter())) {
                flag = check.reason();
            } else {
                v.add(new Violation("uscc", d.uscc(), "统一社会信用代码校验未通过：" + check.reason()
                        + "（如确属登记机关发放的代码，可勾选“接受校验码例外”后保存，该代码将被标记）"));
            }
        }
        String name = trim(d.name());
        if (name == null) {
            v.add(new Violation("name", "", "缺少企业名称"));
        } else if (name.length() > MAX_NAME) {
            v.add(new Violation("name", abbreviate(name), "企业名称过长（最多 " + MAX_NAME + " 字）"));
        } else if (looksLikeFormula(name)) {
            v.add(new Violation("name", abbreviate(name), "企业名称不能以 = + - @ 开头（疑似表格公式）"));
        } else {
            org.capgov.shared.PlausibleInput.nameProblem(name)
                    .ifPresent(r -> v.add(new Violation("name", abbreviate(name), "企业名称" + r)));
        }
        Region region = null;
        if (trim(d.region()) == null) {
            v.add(new Violation("region", "", "缺少所在区划代码"));
        } else {
            region = regions.get(d.region().trim());
            if (region == null) {
                v.add(new Violation("region", d.region(), "区划代码 " + d.region().trim() + " 不存在或已撤销"));
            }
        }
        List<Industry> industries = industries(d.industries(), v);
        String address = trim(d.address());
        if (address != null && address.length() > MAX_TEXT) {
            v.add(new Violation("address", abbreviate(address), "地址过长（最多 " + MAX_TEXT + " 字）"));
        }
        String legal = trim(d.legalRepresentative());
        if (legal != null && legal.length() > 100) {
            v.add(new Violation("legalRepresentative", abbreviate(legal), "法定代表人过长（最多 100 字）"));
        }
        EnterpriseStatus status = EnterpriseStatus.OPERATING;
        if (trim(d.status()) != null) {
            try {
                status = EnterpriseStatus.valueOf(d.status().trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                v.add(new Violation("status", d.status(), "企业状态应为 OPERATING / SUSPENDED / RECTIFYING / CLOSED / EXITED / DEREGISTERED"));
            }
        }
        LocalDate since = d.statusSince() == null ? today : d.statusSince();
        if (since.isAfter(today)) {
            v.add(new Violation("statusSince", since.toString(), "状态生效日期不能晚于今天"));
        } else {
            org.capgov.shared.PlausibleInput.dateProblem(since)
                    .ifPresent(r -> v.add(new Violation("statusSince", since.toString(), "状态生效" + r)));
        }
        String parent = trim(d.parentUscc());
        if (parent != null && !Uscc.check(parent).structureOk()) {
            v.add(new Violation("parentUscc", parent, "上级企业统一社会信用代码结构错误"));
        }
        List<String> affiliates = codes(d.affiliates(), "affiliates", v);
        List<String> accounts = new ArrayList<>();
        if (d.gridAccounts() != null) {
            for (String a : new LinkedHashSet<>(d.gridAccounts())) {
                String acc = trim(a);
                if (acc == null) {
                    continue;
                }
                if (!codeOf(acc, 4, 32, "-")) {
                    v.add(new Violation("gridAccounts", abbreviate(acc), "供电户号应为 4 到 32 位字母、数字或连字符"));
                } else {
                    accounts.add(acc);
                }
            }
        }
        if (!v.isEmpty()) {
            return new Outcome(null, v);
        }
        return new Outcome(new ValidEnterprise(check.code(), flag, name, region.code(), region.path(), industries,
                address, legal, parent == null ? null : parent.toUpperCase(Locale.ROOT), affiliates, accounts, status,
                since), List.of());
    }

    private static List<Industry> industries(List<String> raw, List<Violation> v) {
        List<Industry> out = new ArrayList<>();
        if (raw == null || raw.stream().allMatch(s -> trim(s) == null)) {
            v.add(new Violation("industries", "", "至少填写一个行业代码（如 STEEL、CEMENT）"));
            return out;
        }
        for (String s : raw) {
            String code = trim(s);
            if (code == null) {
                continue;
            }
            try {
                Industry i = Industry.valueOf(code.toUpperCase(Locale.ROOT));
                if (!out.contains(i)) {
                    out.add(i);
                }
            } catch (IllegalArgumentException e) {
                v.add(new Violation("industries", abbreviate(code), "未知行业代码 " + abbreviate(code) + "；可用："
                        + String.join("、", java.util.Arrays.stream(Industry.values()).map(Enum::name).toList())));
            }
        }
        return out;
    }

    private static List<String> codes(List<String> raw, String field, List<Violation> v) {
        List<String> out = new ArrayList<>();
        if (raw == null) {
            return out;
        }
        for (String s : raw) {
            String code = trim(s);
            if (code == null) {
                continue;
            }
            if (!Uscc.check(code).structureOk()) {
                v.add(new Violation(field, abbreviate(code), "关联企业统一社会信用代码结构错误"));
            } else if (!out.contains(code.toUpperCase(Locale.ROOT))) {
                out.add(code.toUpperCase(Locale.ROOT));
            }
        }
        return out;
    }

    /**
     * Whether {@code s} is {@code min} to {@code max} ASCII letters and digits or characters of {@code extra} (a loop
     * rather than a pattern: an import checks millions of codes).
     */
    static boolean codeOf(String s, int min, int max, String extra) {
        if (s.length() < min || s.length() > max) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || extra.indexOf(c) >= 0)) {
                return false;
            }
        }
        return true;
    }

    static String trim(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }

    static boolean looksLikeFormula(String s) {
        return !s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0;
    }

    public static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "…";
    }
}
