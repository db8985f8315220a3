-- How many enterprises there are per region × industry × status, for the total of an enterprise search filtered by
-- region subtree and industry (and status). Counting the matches themselves means walking every enterprise of the
-- subtree that has the industry: over a city of a million enterprises that took 260–430 ms per search, where the
-- page of 20 itself takes a few milliseconds. Summing this table is a few hundred rows.
--
-- Kept by statement triggers as signed deltas that are only ever inserted: concurrent changes never wait for one
-- another on a shared counter row, and one statement (a million-row import) adds one aggregate row per
-- region × industry × status it touched. EnterpriseTally folds the deltas together from time to time.
create table enterprise_tally (
    region_path text        not null,
    industry    varchar(16) not null,
    status      varchar(16) not null,
    n           bigint      not null
);
create index enterprise_tally_industry on enterprise_tally (industry, region_path text_pattern_ops);

-- an enterprise counts once per industry even if the array should name it twice (@> matches it once)
create function enterprise_tally_rows_added() returns trigger language plpgsql as $$
begin
    insert into enterprise_tally (region_path, industry, status, n)
    select r.region_path, i.industry, r.status, count(*)
    from new_rows r cross join lateral (select distinct unnest(r.industries) as industry) i
    group by 1, 2, 3;
    return null;
end $$;

create function enterprise_tally_rows_removed() returns trigger language plpgsql as $$
begin
    insert into enterprise_tally (region_path, industry, status, n)
    select r.region_path, i.industry, r.status, -count(*)
    from old_rows r cross join lateral (select distinct unnest(r.industries) as industry) i
    group by 1, 2, 3;
    return null;
end $$;

create function enterprise_tally_rows_changed() returns trigger language plpgsql as $$
begin
    insert into enterprise_tally (region_path, industry, status, n)
    select region_path, industry, status, sum(n) from (
        select r.region_path, i.industry, r.status, -1 as n
        from old_rows r cross join lateral (select distinct unnest(r.industries) as industry) i
        union all
        select r.region_path, i.industry, r.status, 1
        from new_rows r cross join lateral (select distinct unnest(r.industries) as industry) i
    ) d
    group by 1, 2, 3
    having sum(n) <> 0;
    return null;
end $$;

create trigger enterprise_tally_insert after insert on enterprise
    referencing new table as new_rows for each statement execute function enterprise_tally_rows_added();
create trigger enterprise_tally_update after update on enterprise
    referencing old table as old_rows new table as new_rows for each statement execute function enterprise_tally_rows_changed();
create trigger enterprise_tally_delete after delete on enterprise
    referencing old table as old_rows for each statement execute function enterprise_tally_rows_removed();
-- large imports switch to session_replication_role = replica to skip foreign-key checks (ImportBulkLoad); the tally
-- must follow them all the same
alter table enterprise enable always trigger enterprise_tally_insert;
alter table enterprise enable always trigger enterprise_tally_update;
alter table enterprise enable always trigger enterprise_tally_delete;

insert into enterprise_tally (region_path, industry, status, n)
select e.region_path, i.industry, e.status, count(*)
from enterprise e cross join lateral (select distinct unnest(e.industries) as industry) i
group by 1, 2, 3;
