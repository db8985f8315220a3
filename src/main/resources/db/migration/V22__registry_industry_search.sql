-- The enterprise search filtered by region subtree and industry, the most common one, answered from two tables kept
-- by statement triggers on enterprise (one aggregate statement per event, however many rows changed):
--
-- enterprise_industry: one row per enterprise and industry, with its region path, name and status. Its index gives
-- the enterprises of one industry in one region already in name order, so a page reads exactly its rows however
-- rare or common the industry is. From enterprise_region_name (region, name; industries only included) a page of a
-- rare industry meant walking most of the district to find 20 matches, and from the GIN index on industries a
-- city's page meant visiting every match's heap page to sort them by name (200–500 ms over a million enterprises).
--
-- enterprise_tally: how many enterprises per region × industry × status, for the total without walking the
-- matches. Signed deltas that are only ever inserted, so concurrent changes never wait for one another on a shared
-- counter row; EnterpriseTally folds them together from time to time.
create table enterprise_industry (
    industry      varchar(16) not null,
    region_path   text        not null,
    name          text        not null,
    enterprise_id bigint      not null,
    status        varchar(16) not null
);
create index enterprise_industry_order on enterprise_industry (industry, region_path text_pattern_ops, name, enterprise_id)
    include (status);
create index enterprise_industry_enterprise on enterprise_industry (enterprise_id);

create table enterprise_tally (
    region_path text        not null,
    industry    varchar(16) not null,
    status      varchar(16) not null,
    n           bigint      not null
);
create index enterprise_tally_industry on enterprise_tally (industry, region_path text_pattern_ops);

-- an enterprise counts once per industry even if its array should name one twice (as @> matches it once)
create function enterprise_industry_rows_added() returns trigger language plpgsql as $$
begin
    insert into enterprise_industry (industry, region_path, name, enterprise_id, status)
    select i.industry, r.region_path, r.name, r.id, r.status
    from new_rows r cross join lateral (select distinct unnest(r.industries) as industry) i;
    insert into enterprise_tally (region_path, industry, status, n)
    select r.region_path, i.industry, r.status, count(*)
    from new_rows r cross join lateral (select distinct unnest(r.industries) as industry) i
    group by 1, 2, 3;
    return null;
end $$;

create function enterprise_industry_rows_removed() returns trigger language plpgsql as $$
begin
    delete from enterprise_industry x using old_rows r where x.enterprise_id = r.id;
    insert into enterprise_tally (region_path, industry, status, n)
    select r.region_path, i.industry, r.status, -count(*)
    from old_rows r cross join lateral (select distinct unnest(r.industries) as industry) i
    group by 1, 2, 3;
    return null;
end $$;

-- only enterprises whose region, name, industries or status changed are touched (most updates change none of them)
create function enterprise_industry_rows_changed() returns trigger language plpgsql as $$
begin
    with changed as (
        select n.id from new_rows n join old_rows o on o.id = n.id
        where (n.region_path, n.name, n.industries, n.status) is distinct from (o.region_path, o.name, o.industries, o.status)
    ), gone as (
        delete from enterprise_industry x using changed c where x.enterprise_id = c.id
    )
    insert into enterprise_industry (industry, region_path, name, enterprise_id, status)
    select i.industry, r.region_path, r.name, r.id, r.status
    from new_rows r join changed c on c.id = r.id
    cross join lateral (select distinct unnest(r.industries) as industry) i;
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

create trigger enterprise_industry_insert after insert on enterprise
    referencing new table as new_rows for each statement execute function enterprise_industry_rows_added();
create trigger enterprise_industry_update after update on enterprise
    referencing old table as old_rows new table as new_rows for each statement execute function enterprise_industry_rows_changed();
create trigger enterprise_industry_delete after delete on enterprise
    referencing old table as old_rows for each statement execute function enterprise_industry_rows_removed();
-- large imports switch to session_replication_role = replica to skip foreign-key checks (ImportBulkLoad); these
-- tables must follow them all the same
alter table enterprise enable always trigger enterprise_industry_insert;
alter table enterprise enable always trigger enterprise_industry_update;
alter table enterprise enable always trigger enterprise_industry_delete;

insert into enterprise_industry (industry, region_path, name, enterprise_id, status)
select i.industry, e.region_path, e.name, e.id, e.status
from enterprise e cross join lateral (select distinct unnest(e.industries) as industry) i;
insert into enterprise_tally (region_path, industry, status, n)
select e.region_path, i.industry, e.status, count(*)
from enterprise e cross join lateral (select distinct unnest(e.industries) as industry) i
group by 1, 2, 3;
