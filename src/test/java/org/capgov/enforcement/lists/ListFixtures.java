package org.capgov.enforcement.lists;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.capgov.identity.SystemActor;
import org.capgov.registry.Enterprise;
import org.capgov.registry.EnterpriseDraft;
import org.capgov.registry.EnterpriseService;
import org.capgov.registry.Equipment;
import org.capgov.registry.EquipmentDraft;
import org.capgov.registry.EquipmentService;
import org.capgov.shared.Uscc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.capgov.enforcement.CaseState;
import org.capgov.enforcement.ExitMeasure;
import org.capgov.enforcement.CaseKind;
import org.capgov.enforcement.CaseAction;

/**
 * Real enterprises and equipment through the registry's services, and cases with their timelines as plain SQL rows:
 * the lists are a read model over the case tables, so they are tested on rows as any writer would leave them.
 */
public final class ListFixtures {

    private final EnterpriseService enterprises;
    private final EquipmentService equipment;
    private final JdbcClient jdbc;

    public ListFixtures(EnterpriseService enterprises, EquipmentService equipment, JdbcClient jdbc) {
        this.enterprises = enterprises;
        this.equipment = equipment;
        this.jdbc = jdbc;
    }

    public Enterprise enterprise(String region, String name) {
        String body = Long.toString(ThreadLocalRandom.current().nextLong(10_000_000L, 99_999_999L));
        String uscc = Uscc.compose("91", region, body);
        return SystemActor.call(() -> enterprises.create(new EnterpriseDraft(uscc, name + body, region, List.of("STEEL"),
                null, null, null, null, null, null, null, null)));
    }

    public Equipment blastFurnace(Enterprise e, String code, String capacity) {
        return SystemActor.call(() -> equipment.create(e.uscc(), new EquipmentDraft(code, null, "BLAST_FURNACE",
                Map.of("volume_m3", 300, "purpose", "GENERAL"), "PIG_IRON", new BigDecimal(capacity),
                LocalDate.of(2001, 5, 1), null, null, null)));
    }

    /** Opens a case with its opening event; returns its id. */
    public String open(Enterprise e, CaseKind kind, String dimension, Long equipmentId, LocalDate opened,
            LocalDate deadline, String department) {
        String id = (kind == CaseKind.EXIT ? "LT-" : "LZ-") + ThreadLocalRandom.current().nextLong(100_000_000_000L,
                999_999_999_999L);
        CaseState state = kind == CaseKind.EXIT ? CaseState.EXIT_ORDERED : CaseState.NOTICE_ISSUED;
        jdbc.sql("""
                insert into enforcement_case (id, kind, enterprise_id, uscc, region_path, dimension, equipment_id,
                    department_code, state, opened_on, deadline, original_deadline, origin, created_by)
                select :id, :kind, e.id, e.uscc, e.region_path, :dimension, :equipment, :department, :state, :opened,
                       :deadline, :deadline, 'MANUAL', 'test' from enterprise e where e.id = :enterprise""")
                .param("id", id).param("kind", kind.name()).param("dimension", dimension).param("equipment", equipmentId)
                .param("department", department).param("state", state.name()).param("opened", opened)
                .param("deadline", deadline).param("enterprise", e.id()).update();
        jdbc.sql("insert into case_event (case_id, action, from_state, to_state, effective_date, deadline, actor) "
                + "values (:id, null, null, :state, :opened, :deadline, 'test')")
                .param("id", id).param("state", state.name()).param("opened", opened).param("deadline", deadline).update();
        return id;
    }

    /** Records an action as the case service would: the event, then the case's state (closed on RECTIFIED/ANNOUNCED). */
    public long act(String caseId, CaseAction action, CaseState to, LocalDate date, String document, LocalDate deadline,
            Integer months) {
        long event = jdbc.sql("""
                insert into case_event (case_id, action, from_state, to_state, effective_date, document, months, deadline, actor)
                select c.id, :action, c.state, :to, :date, :document, :months, :deadline, 'test' from enforcement_case c
                 where c.id = :id returning id""")
                .param("id", caseId).param("action", action.name()).param("to", to.name()).param("date", date)
                .param("document", document).param("months", months).param("deadline", deadline)
                .query(Long.class).single();
        jdbc.sql("""
                update enforcement_case set state = :to, version = version + 1,
                       deadline = coalesce(:deadline, deadline),
                       extension_used = extension_used or :action = 'GRANT_EXTENSION',
                       closed_on = case when :to in ('RECTIFIED', 'ANNOUNCED') then :date else closed_on end,
                       closed_by_law = closed_by_law or :action = 'APPROVE_CLOSURE' where id = :id""")
                .param("id", caseId).param("to", to.name()).param("deadline", deadline).param("action", action.name())
                .param("date", date).update();
        return event;
    }

    public void measure(String caseId, long event, Long equipmentId, ExitMeasure measure, LocalDate date, String capacity,
            String product) {
        jdbc.sql("""
                insert into case_exit_measure (case_id, equipment_id, measure, effective_date, capacity, product,
                    commitment, event_id) values (:id, :equipment, :measure, :date, :capacity, :product, true, :event)""")
                .param("id", caseId).param("equipment", equipmentId).param("measure", measure.name()).param("date", date)
                .param("capacity", capacity == null ? null : new BigDecimal(capacity)).param("product", product)
                .param("event", event).update();
    }
}
