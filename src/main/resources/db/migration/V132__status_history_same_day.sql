-- A status changed twice on one day: the earlier row of that day is closed on the same day (an empty period) instead
-- of staying open beside the later one, so that no item or enterprise shows two statuses both running "至今".
-- The periods are half-open (from inclusive, to exclusive), so an empty one is in force on no day.
do $$
declare
    c record;
begin
    for c in select conrelid::regclass::text as t, conname from pg_constraint
              where contype = 'c' and conrelid in ('equipment_status_history'::regclass,
                                                   'enterprise_status_history'::regclass)
                and pg_get_constraintdef(oid) like '%effective_to > effective_from%' loop
        execute format('alter table %I drop constraint %I', c.t, c.conname);
    end loop;
end;
$$;
alter table equipment_status_history
    add constraint equipment_status_history_period check (effective_to is null or effective_to >= effective_from);
alter table enterprise_status_history
    add constraint enterprise_status_history_period check (effective_to is null or effective_to >= effective_from);

-- rows left open by an earlier same-day change: close all but the latest open row of each item and enterprise
update equipment_status_history h set effective_to = h.effective_from
 where h.effective_to is null
   and exists (select 1 from equipment_status_history n where n.equipment_id = h.equipment_id
                  and n.effective_to is null and n.effective_from = h.effective_from and n.id > h.id);
update enterprise_status_history h set effective_to = h.effective_from
 where h.effective_to is null
   and exists (select 1 from enterprise_status_history n where n.enterprise_id = h.enterprise_id
                  and n.effective_to is null and n.effective_from = h.effective_from and n.id > h.id);
