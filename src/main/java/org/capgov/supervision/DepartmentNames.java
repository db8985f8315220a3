package org.capgov.supervision;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Maps the department names a task table uses (short names such as 市经济信息委, or full names) to the platform's
 * department codes: within the document's code prefix (CQ-, FL-, TJ-, SC-), by short name, then by full name, after
 * the file's aliases (区应急管理局 → 区应急局). Names that match nothing (各乡镇人民政府, 相关部门按职责分工负责) are
 * returned as unmapped and shown on the task, never dropped.
 */
final class DepartmentNames {

    /** A department as the mapping needs it. */
    record Known(String code, String name, String shortName) {
    }

    record Mapped(List<String> codes, List<String> unmapped) {
    }

    private final List<Known> departments;

    DepartmentNames(List<Known> departments) {
        this.departments = List.copyOf(departments);
    }

    Mapped map(List<String> names, String prefix, Map<String, String> aliases) {
        List<String> codes = new ArrayList<>();
        List<String> unmapped = new ArrayList<>();
        for (String raw : names) {
            String name = aliases.getOrDefault(raw, raw);
            String code = find(name, prefix);
            if (code == null) {
                unmapped.add(raw);
            } else if (!codes.contains(code)) {
                codes.add(code);
            }
        }
        return new Mapped(codes, unmapped);
    }

    private String find(String name, String prefix) {
        for (Known k : departments) {
            if (k.code().startsWith(prefix) && k.shortName().equals(name)) {
                return k.code();
            }
        }
        for (Known k : departments) {
            if (k.code().startsWith(prefix) && k.name().equals(name)) {
                return k.code();
            }
        }
        return null;
    }
}
