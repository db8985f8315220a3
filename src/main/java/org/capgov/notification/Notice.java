package org.capgov.notification;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.capgov.identity.Role;

/**
 * Something people should know, published as an application event inside the transaction that caused it. The
 * audience is resolved to people when delivered: members of the named departments, and people holding one of
 * {@code roles} whose region subtree covers {@code regionPath} (e.g. the district officers and the coordinator of
 * the enterprise's district).
 *
 * @param kind       a stable code for filtering and templates, e.g. {@code CASE_OVERDUE}
 * @param title      Chinese, one line
 * @param body       Chinese, plain text
 * @param link       a path inside the application (e.g. {@code /enforcement/cases/…}), or null
 * @param dedupKey   a notice with the same key is delivered once per person (sweeps may run twice), or null
 * @param enterprises USCCs whose enterprise accounts receive the notice (the enterprise a case concerns), none by
 *                   default: an enterprise is reached by its USCC, never by region, so it reads only its own notices
 * @param people     usernames of people addressed by name (the person who raised something and hears its answer), none
 *                   by default
 *
 * <p>Publish it inside the transaction that causes it, e.g.
 * <pre>{@code
 * events.publishEvent(Notice.of("CASE_OVERDUE", "整改期限已过：" + name, body).linkingTo("/enforcement/cases/" + id)
 *         .inRegion(regionPath).toDepartments(departmentCode).toRoles(Role.DISTRICT_OFFICER, Role.COORDINATOR)
 *         .once("CASE_OVERDUE:" + id + ":" + deadline));
 * }</pre>
 */
public record Notice(
        String kind, String title, String body, String link, String regionPath,
        List<String> departmentCodes, List<String> roles, String dedupKey, List<String> enterprises,
        List<String> people) {

    public Notice {
        departmentCodes = departmentCodes == null ? List.of() : List.copyOf(departmentCodes);
        roles = roles == null ? List.of() : List.copyOf(roles);
        enterprises = enterprises == null ? List.of() : List.copyOf(enterprises);
        people = people == null ? List.of() : List.copyOf(people);
    }

    public Notice(String kind, String title, String body, String link, String regionPath, List<String> departmentCodes,
            List<String> roles, String dedupKey, List<String> enterprises) {
        this(kind, title, body, link, regionPath, departmentCodes, roles, dedupKey, enterprises, List.of());
    }

    public Notice(String kind, String title, String body, String link, String regionPath, List<String> departmentCodes,
            List<String> roles, String dedupKey) {
        this(kind, title, body, link, regionPath, departmentCodes, roles, dedupKey, List.of(), List.of());
    }

    /** A notice with no audience yet; add one with {@link #toDepartments} and {@link #toRoles}. */
    public static Notice of(String kind, String title, String body) {
        return new Notice(kind, title, body, null, null, List.of(), List.of(), null, List.of(), List.of());
    }

    public Notice linkingTo(String link) {
        return new Notice(kind, title, body, link, regionPath, departmentCodes, roles, dedupKey, enterprises, people);
    }

    /** The region the notice concerns: role holders are reached when their membership's subtree covers it. */
    public Notice inRegion(String regionPath) {
        return new Notice(kind, title, body, link, regionPath, departmentCodes, roles, dedupKey, enterprises, people);
    }

    public Notice toDepartments(String... codes) {
        List<String> all = new ArrayList<>(departmentCodes);
        all.addAll(Arrays.asList(codes));
        return new Notice(kind, title, body, link, regionPath, all, roles, dedupKey, enterprises, people);
    }

    public Notice toRoles(Role... more) {
        List<String> all = new ArrayList<>(roles);
        Arrays.stream(more).map(Role::name).forEach(all::add);
        return new Notice(kind, title, body, link, regionPath, departmentCodes, all, dedupKey, enterprises, people);
    }

    /** The accounts of the enterprise with this USCC. */
    public Notice toEnterprise(String uscc) {
        List<String> all = new ArrayList<>(enterprises);
        all.add(uscc);
        return new Notice(kind, title, body, link, regionPath, departmentCodes, roles, dedupKey, all, people);
    }

    /** The people with these usernames (enabled, not system accounts), whatever their department or region. */
    public Notice toPeople(String... usernames) {
        List<String> all = new ArrayList<>(people);
        all.addAll(Arrays.asList(usernames));
        return new Notice(kind, title, body, link, regionPath, departmentCodes, roles, dedupKey, enterprises, all);
    }

    public Notice once(String dedupKey) {
        return new Notice(kind, title, body, link, regionPath, departmentCodes, roles, dedupKey, enterprises, people);
    }
}
