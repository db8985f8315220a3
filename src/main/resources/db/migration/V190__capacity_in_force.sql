-- Capacity: the days each line is in force, stored per line as a dated table and kept current by the registry's
-- writes (docs/decisions/capacity-figures-performance.md, "Capacity in force stored").
--
-- A line counts from its commissioning date (or, when unknown, its first recorded status) except while it is
-- DISMANTLED or TRANSFERRED or its enterprise is EXITED or DEREGISTERED (README "Capacity"). Until now every figure
-- computed that from the status histories on each query; here it is computed once per change of a line, its status
-- history, its enterprise's status history or its enterprise's region, by the same expression, so the figures read
-- from this table are the ones computed before. The region path is the enterprise's: output and capacity of an
-- enterprise always fall in the same region.
create table capacity_in_force (
    equipment_id    bigint         primary key,
    enterprise_id   bigint         not null,
    product         varchar(24)    not null,
    region_path     text           not null,
    annual_capacity numeric(16, 2) not null,
    in_force        datemultirange not null
);
create index capacity_in_force_product_path on capacity_in_force (product, region_path text_pattern_ops);
create index capacity_in_force_enterprise on capacity_in_force (enterprise_id, product);

-- Recomputes the rows of the given lines (deleted lines lose theirs), all lines when ids is null. Set-based (the
-- histories of the lines grouped once, no lookup per line), so that it also runs fast inside the registry's first
-- loads, which build the histories' indexes only after the rows are in.
create function capacity_in_force_refresh(ids bigint[]) returns void language plpgsql as $$
begin
    if ids is null then
        delete from capacity_in_force;
        ids := array(select id from equipment);
    else
        delete from capacity_in_force where equipment_id = any(ids);
    end if;
    -- executed, not prepared: planned for each call's number of lines (one line by index, a million by hashing)
    execute $sql$
    insert into capacity_in_force (equipment_id, enterprise_id, product, region_path, annual_capacity, in_force)
    with q as (
      select id, enterprise_id, product, annual_capacity, commissioned from equipment where id = any($1)
    ), h as (
      select equipment_id, min(effective_from) as first_from,
             range_agg(daterange(effective_from, effective_to)) filter (where status in ('DISMANTLED', 'TRANSFERRED')) as exits
      from equipment_status_history where equipment_id = any($1) group by equipment_id
    ), ex as (
      select enterprise_id, range_agg(daterange(effective_from, effective_to)) as exits
      from enterprise_status_history
      where status in ('EXITED', 'DEREGISTERED') and enterprise_id in (select enterprise_id from q)
      group by enterprise_id
    )
    select q.id, q.enterprise_id, q.product, e.region_path, q.annual_capacity,
           datemultirange(daterange(coalesce(q.commissioned, h.first_from), null))
             - coalesce(h.exits, '{}'::datemultirange) - coalesce(ex.exits, '{}'::datemultirange)
    from q
    join enterprise e on e.id = q.enterprise_id
    left join h on h.equipment_id = q.id
    left join ex on ex.enterprise_id = q.enterprise_id
    $sql$ using ids;
end;
$$;

-- Statement triggers with transition tables: one refresh per statement, however many rows it wrote (a COPY of a
-- million lines refreshes them in one set-based pass, not a million times).
create function capacity_in_force_equipment() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        perform capacity_in_force_refresh(array(select id from old_rows));
    else
        perform capacity_in_force_refresh(array(select id from new_rows));
    end if;
    return null;
end;
$$;

create function capacity_in_force_equipment_history() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        perform capacity_in_force_refresh(array(select distinct equipment_id from new_rows));
    elsif tg_op = 'UPDATE' then
        perform capacity_in_force_refresh(array(select equipment_id from new_rows union select equipment_id from old_rows));
    else
        perform capacity_in_force_refresh(array(select distinct equipment_id from old_rows));
    end if;
    return null;
end;
$$;

create function capacity_in_force_enterprise_history() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        perform capacity_in_force_refresh(array(select q.id from equipment q
                                                where q.enterprise_id in (select enterprise_id from new_rows)));
    elsif tg_op = 'UPDATE' then
        perform capacity_in_force_refresh(array(select q.id from equipment q
                                                where q.enterprise_id in (select enterprise_id from new_rows
                                                                          union select enterprise_id from old_rows)));
    else
        perform capacity_in_force_refresh(array(select q.id from equipment q
                                                where q.enterprise_id in (select enterprise_id from old_rows)));
    end if;
    return null;
end;
$$;

-- An enterprise moved to another region takes its lines' capacity along.
create function capacity_in_force_enterprise() returns trigger language plpgsql as $$
begin
    perform capacity_in_force_refresh(array(select q.id from equipment q
                                            join new_rows n on n.id = q.enterprise_id
                                            join old_rows o on o.id = n.id
                                            where n.region_path is distinct from o.region_path));
    return null;
end;
$$;

create function capacity_in_force_truncated() returns trigger language plpgsql as $$
begin
    perform capacity_in_force_refresh(null);
    return null;
end;
$$;

create trigger equipment_in_force_insert after insert on equipment referencing new table as new_rows
    for each statement execute function capacity_in_force_equipment();
create trigger equipment_in_force_update after update on equipment referencing new table as new_rows
    for each statement execute function capacity_in_force_equipment();
create trigger equipment_in_force_delete after delete on equipment referencing old table as old_rows
    for each statement execute function capacity_in_force_equipment();
create trigger equipment_status_history_in_force_insert after insert on equipment_status_history
    referencing new table as new_rows for each statement execute function capacity_in_force_equipment_history();
create trigger equipment_status_history_in_force_update after update on equipment_status_history
    referencing new table as new_rows old table as old_rows
    for each statement execute function capacity_in_force_equipment_history();
create trigger equipment_status_history_in_force_delete after delete on equipment_status_history
    referencing old table as old_rows for each statement execute function capacity_in_force_equipment_history();
create trigger enterprise_status_history_in_force_insert after insert on enterprise_status_history
    referencing new table as new_rows for each statement execute function capacity_in_force_enterprise_history();
create trigger enterprise_status_history_in_force_update after update on enterprise_status_history
    referencing new table as new_rows old table as old_rows
    for each statement execute function capacity_in_force_enterprise_history();
create trigger enterprise_status_history_in_force_delete after delete on enterprise_status_history
    referencing old table as old_rows for each statement execute function capacity_in_force_enterprise_history();
create trigger enterprise_in_force_update after update on enterprise
    referencing new table as new_rows old table as old_rows
    for each statement execute function capacity_in_force_enterprise();

do $$
declare
    t text;
begin
    foreach t in array array['equipment', 'equipment_status_history', 'enterprise_status_history', 'enterprise'] loop
        execute format('create trigger %I after truncate on %I for each statement '
                       'execute function capacity_in_force_truncated()', t || '_in_force_truncate', t);
    end loop;
end;
$$;

-- They fire in every session, also in the replica mode of the registry's direct first loads (as V96).
do $$
declare
    r record;
begin
    for r in select c.relname, t.tgname from pg_trigger t join pg_class c on c.oid = t.tgrelid
             where t.tgname like '%\_in\_force\_%' and not t.tgisinternal loop
        execute format('alter table %I enable always trigger %I', r.relname, r.tgname);
    end loop;
end;
$$;

select capacity_in_force_refresh(null);
analyze capacity_in_force;
