-- The over-limit lists (seed 001 四、(三) "区生态环境局要定期公布超标排放企业名单，以及超标排放严重的企业名单", and its annex
-- "各地环境保护主管部门要定期公布超标排放企业名单，以及超标排放情节严重的企业名单"), beside yellow, red and exit, from the
-- environment department's cases (opened from environment findings or inspections):
--   over-limit (超标排放) as of D: an ENVIRONMENT rectification case opened on or before D that no VERIFY_COMPLIANT (达标)
--   or ANNOUNCE (exited) had ended by then (over_limit_until, exclusive);
--   serious (超标排放严重) from the first VERIFY_FAILED: 经整改仍超标 or 逾期未整改 — seed 001 annex "情节严重的，报经当地人民政府
--   依法关停退出" — until the same end.
-- Readings: docs/decisions/enforcement-readings.md.
alter table enforcement_list_case add column dimension varchar(16);
alter table enforcement_list_case add column over_limit_until date;
alter table enforcement_list_case add column serious_since date;

create or replace function enforcement_list_refresh(ids varchar[]) returns void language sql as $$
    insert into enforcement_list_case as l (case_id, kind, enterprise_id, region_path, opened_on, yellow_until, red_since,
                                            red_until, red_document, announced_on, announce_document, dimension,
                                            over_limit_until, serious_since)
    select c.id, c.kind, c.enterprise_id, c.region_path, c.opened_on, t.yellow_until,
           case when c.kind = 'RECTIFICATION' then cl.effective_date end,
           case when c.kind = 'RECTIFICATION'
                then make_date(extract(year from cl.effective_date)::int, 12, 31) end,
           case when c.kind = 'RECTIFICATION' then cl.document end,
           a.effective_date, a.document, c.dimension, t.over_limit_until, t.serious_since
      from unnest(ids) as u (id)
      join enforcement_case c on c.id = u.id   -- a join, not "= any(ids)": that searches the array once per row
      left join lateral (select min(e.effective_date) filter (where e.action in ('VERIFY_COMPLIANT', 'APPROVE_CLOSURE'))
                                    as yellow_until,
                                min(e.effective_date) filter (where e.action in ('VERIFY_COMPLIANT', 'ANNOUNCE'))
                                    as over_limit_until,
                                min(e.effective_date) filter (where e.action = 'VERIFY_FAILED') as serious_since
                           from case_event e where e.case_id = c.id) t on true
      left join lateral (select e.effective_date, e.document from case_event e
                          where e.case_id = c.id and e.action = 'APPROVE_CLOSURE'
                          order by e.effective_date, e.id limit 1) cl on true
      left join lateral (select e.effective_date, e.document from case_event e
                          where e.case_id = c.id and e.action = 'ANNOUNCE'
                          order by e.effective_date, e.id limit 1) a on true
    on conflict (case_id) do update set kind = excluded.kind, enterprise_id = excluded.enterprise_id,
        region_path = excluded.region_path, opened_on = excluded.opened_on, yellow_until = excluded.yellow_until,
        red_since = excluded.red_since, red_until = excluded.red_until, red_document = excluded.red_document,
        announced_on = excluded.announced_on, announce_document = excluded.announce_document,
        dimension = excluded.dimension, over_limit_until = excluded.over_limit_until,
        serious_since = excluded.serious_since
$$;

create index enforcement_list_over_limit on enforcement_list_case (region_path text_pattern_ops, opened_on)
    include (enterprise_id, over_limit_until, serious_since) where kind = 'RECTIFICATION' and dimension = 'ENVIRONMENT';

-- rows written before this migration get their dimension and dates
select enforcement_list_refresh(array(select case_id from enforcement_list_case where dimension is null));
