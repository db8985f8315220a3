package org.capgov.compliance;

import java.time.LocalDate;
import java.util.List;
import org.capgov.catalog.CatalogChange;

/**
 * The registry evaluated against the published catalogue and against another version (a draft), and what differs:
 * enterprises and equipment whose worst status changes, counted by transition, by region (district) and by
 * industry; the catalogue entries the draft adds, changes or withdraws; and one page of the changed enterprises in
 * detail ({@code page} from 0, {@code pages} in all; the counts cover every page). Status order, gravest first: {@link WhatIfService#GRAVITY}.
 */
public record WhatIfResult(String publishedVersion, String draftVersion, LocalDate asOf, int enterprises,
        int equipment, int enterprisesChanged, int equipmentChanged, List<Transition> transitions,
        List<Group> byRegion, List<Group> byIndustry, List<CatalogChange> catalogueChanges,
        List<EnterpriseChange> changes, int page, int size, int pages) {

    /** How many enterprises and equipment items went from one worst status to another. */
    public record Transition(String from, String to, int enterprises, int equipment) {
    }

    /** Changes in one region or industry: how many got worse, how many better. */
    public record Group(String code, String name, int enterprisesChanged, int equipmentChanged, int worse, int better) {
    }

    /** One enterprise whose worst status, or the worst status of some of its equipment, changes. */
    public record EnterpriseChange(String uscc, String regionCode, List<String> industries, String from, String to,
            List<EquipmentChange> equipment) {
    }

    /** One subject (an equipment code, or {@code enterprise} for enterprise-level rules) whose worst status changes. */
    public record EquipmentChange(String subject, String type, String from, String to, List<String> rules) {
    }
}
