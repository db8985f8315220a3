-- The red list (红牌名单) of seeds 001 四、(三) and 004 四、(二) is "经整改仍不达标、已依法关闭的企业名单": enterprises whose
-- closure was approved after a failed rectification. An elimination exit of equipment (an EXIT case: no rectification
-- failed) is no longer on it; it stays on the annual exit list (年度落后产能退出企业名单) of its announcement year.
--
-- How an enterprise leaves it: both seeds publish "当年执法监督执行情况" — the year's enforcement — so the red list is a
-- list per calendar year: a closure stays on it from the day it was approved to 31 December of that year (red_until,
-- inclusive). The list of a year is the list as of that year's 31 December. Readings: docs/decisions/enforcement-readings.md.
alter table enforcement_list_case add column red_until date;

create or replace function enforcement_list_refresh(ids varchar[]) returns void language sql as $$
    insert into enforcement_list_case as l (case_id, kind, enterprise_id, region_path, opened_on, yellow_until, red_since,
                                            red_until, red_document, announced_on, announce_document)
    select c.id, c.kind, c.enterprise_id, c.region_path, c.opened_on, t.yellow_until,
           case when c.kind = 'RECTIFICATION' then cl.effective_date end,
           case when c.kind = 'RECTIFICATION'
                then make_date(extract(year from cl.effective_date)::int, 12, 31) end,
           case when c.kind = 'RECTIFICATION' then cl.document end,
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
        red_since = excluded.red_since, red_until = excluded.red_until, red_document = excluded.red_document,
        announced_on = excluded.announced_on, announce_document = excluded.announce_document
$$;

-- the rows of exit cases and of every closure so far are rewritten by the new reading
select enforcement_list_refresh(array(select case_id from enforcement_list_case
                                       where red_since is not null or kind = 'EXIT'));
