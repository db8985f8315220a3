-- The public lists (seed 001 四(三)): 黄牌 (enterprises under 限期整改), 红牌 (经整改仍不达标、已依法关闭, and exits by
-- law) and the annual exit announcement. Per case, the days on which it enters and leaves each list, derived from its
-- timeline. Triggers keep the rows right whoever writes a case or an event (the case service, imports, fixtures), so
-- that "the list as of any date" is a range query over one narrow table instead of a scan of every timeline.
create table enforcement_list_case (
    case_id           varchar(20) primary key references enforcement_case (id) on delete cascade,
    kind              varchar(16) not null,
    enterprise_id     bigint      not null,
    region_path       text        not null,
    opened_on         date        not null,
    yellow_until      date,       -- first VERIFY_COMPLIANT or APPROVE_CLOSURE: off the yellow list from this day on
    red_since         date,       -- APPROVE_CLOSURE of a rectification case, ANNOUNCE of an exit case
    red_document      text,
    announced_on      date,       -- first ANNOUNCE: the exit list of that year (拆除完毕后在政府网站公告)
    announce_document text
);
-- yellow as of D: opened_on <= D and (yellow_until is null or yellow_until > D), optionally in a region subtree
create index enforcement_list_yellow on enforcement_list_case (opened_on, region_path text_pattern_ops)
    include (enterprise_id, yellow_until) where kind = 'RECTIFICATION';
create index enforcement_list_yellow_region on enforcement_list_case (region_path text_pattern_ops, opened_on)
    include (enterprise_id, yellow_until) where kind = 'RECTIFICATION';
create index enforcement_list_red on enforcement_list_case (red_since, region_path text_pattern_ops)
    include (enterprise_id) where red_since is not null;
create index enforcement_list_red_region on enforcement_list_case (region_path text_pattern_ops, red_since)
    include (enterprise_id) where red_since is not null;
create index enforcement_list_announced on enforcement_list_case (announced_on) where announced_on is not null;
create index enforcement_list_enterprise on enforcement_list_case (enterprise_id);

create function enforcement_list_refresh(ids varchar[]) returns void language sql as $$
    insert into enforcement_list_case as l (case_id, kind, enterprise_id, region_path, opened_on, yellow_until, red_since,
                                            red_document, announced_on, announce_document)
    select c.id, c.kind, c.enterprise_id, c.region_path, c.opened_on, t.yellow_until,
           case when c.kind = 'EXIT' then a.effective_date else cl.effective_date end,
           case when c.kind = 'EXIT' then a.document else cl.document end,
           a.effective_date, a.document
      from unnest(ids) as u (id)
      join enforcement_case c on c.id = u.id   -- a join, not "= any(ids)": that searches the array once per row
      left join lateral (select min(e.effective_date) as yellow_until from case_event e
                          where e.case_id = c.id and e.action in ('VERIFY_COMPLIANT', 'APPROVE_CLOSURE')) t on true
      left join lateral (select e.effective_date, e.document from case_event e
                          where e.case_id = c.id and e.action = 'APPROVE_CLOSURE'
                          order by e.effective_date, e.id limit 1) cl on true
      left join lateral (select e.effective_date, e.document from case_event e
                          where e.case_id = c.id and e.action = 'ANNOUNCE'
                          order by e.effective_date, e.id limit 1) a on true
    on conflict (case_id) do update set kind = excluded.kind, enterprise_id = excluded.enterprise_id,
        region_path = excluded.region_path, opened_on = excluded.opened_on, yellow_until = excluded.yellow_until,
        red_since = excluded.red_since, red_document = excluded.red_document, announced_on = excluded.announced_on,
        announce_document = excluded.announce_document
$$;

-- Statement-level triggers with transition tables: a bulk insert of events refreshes each case once.
create function enforcement_list_cases_changed() returns trigger language plpgsql as $$
begin
    perform enforcement_list_refresh(array(select distinct id from changed_cases));
    return null;
end;
$$;
create function enforcement_list_events_changed() returns trigger language plpgsql as $$
begin
    perform enforcement_list_refresh(array(select distinct case_id from changed_events));
    return null;
end;
$$;
create trigger enforcement_list_case_insert after insert on enforcement_case
    referencing new table as changed_cases for each statement execute function enforcement_list_cases_changed();
-- row-level and only when a listed column changes: the deadline sweep's bulk updates of open cases pass untouched
create function enforcement_list_case_moved() returns trigger language plpgsql as $$
begin
    perform enforcement_list_refresh(array[new.id]);
    return null;
end;
$$;
create trigger enforcement_list_case_update after update of kind, enterprise_id, region_path, opened_on on enforcement_case
    for each row when (old.kind is distinct from new.kind or old.enterprise_id is distinct from new.enterprise_id
                       or old.region_path is distinct from new.region_path or old.opened_on is distinct from new.opened_on)
    execute function enforcement_list_case_moved();
create trigger enforcement_list_event_insert after insert on case_event
    referencing new table as changed_events for each statement execute function enforcement_list_events_changed();
create trigger enforcement_list_event_update after update on case_event
    referencing new table as changed_events for each statement execute function enforcement_list_events_changed();
create trigger enforcement_list_event_delete after delete on case_event
    referencing old table as changed_events for each statement execute function enforcement_list_events_changed();
