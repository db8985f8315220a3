-- Measurements become a time series partitioned by month (ARCHITECTURE: time-series tables are partitioned by month
-- and keyed by enterprise). The partition key is effective_date, the day a value speaks for (the end of its period
-- or the China date of its moment): it is never null and it is what every read filters on (latest value on or before
-- an as-of date, listings by date range), so those reads skip the months they cannot need. Every index leads with
-- enterprise_id (the key a distributed table would be sharded by); the primary key has to include the partition key.
--
-- Monthly partitions are created on demand (measurement_ensure_partitions) by the insert paths for the months a
-- batch touches, and by a daily maintenance job for the coming months and for any month that ended up in the
-- default partition (which only catches values whose month could not be created at insert time).

alter table measurement rename to measurement_v9;
alter table measurement_v9 rename constraint measurement_pkey to measurement_v9_pkey;
drop index measurement_enterprise_metric;
drop index measurement_equipment;
drop index measurement_enterprise_date;

create table measurement (
    id             bigint       not null default nextval('measurement_id_seq'),
    enterprise_id  bigint       not null references enterprise (id),
    equipment_id   bigint       references equipment (id),
    metric         varchar(64)  not null,
    value          numeric(20, 6),
    flag           boolean,
    unit           varchar(24),
    original_value text,
    original_unit  varchar(24),
    measured_at    timestamptz,
    period_start   date,
    period_end     date,
    source         varchar(24)  not null check (source in ('INSPECTION', 'SELF_REPORT', 'ENERGY_AUDIT',
                                                           'QUALITY_SAMPLING', 'SAFETY_CHECK', 'ONLINE_MONITORING')),
    validity       varchar(16)  not null default 'VALID' check (validity in ('VALID', 'SUSPECT', 'INVALID')),
    attributes     jsonb        not null default '{}',
    document_ref   text,
    recorded_at    timestamptz  not null default now(),
    recorded_by    text         not null,
    effective_date date         not null,
    check ((value is null) <> (flag is null)),
    check (measured_at is not null or period_end is not null),
    check (period_start is null or period_end is null or period_start <= period_end),
    primary key (id, effective_date)
) partition by range (effective_date);

alter sequence measurement_id_seq owned by measurement.id;

create table measurement_default partition of measurement default;

-- the same reads as before, now per partition (latest per metric of one enterprise; the enterprise's list page)
create index measurement_enterprise_metric on measurement (enterprise_id, metric, effective_date desc);
create index measurement_equipment on measurement (equipment_id) where equipment_id is not null;
create index measurement_enterprise_date on measurement (enterprise_id, effective_date desc, id desc);

-- Creates the monthly partition of each given day's month unless it exists, moving any of its rows out of the
-- default partition first (attaching a range the default already holds rows of would fail). Serialised by an
-- advisory lock so that two inserters of the same new month do not race. Returns how many partitions it created.
create function measurement_ensure_partitions(days date[]) returns integer
language plpgsql as $$
declare
    month_start date;
    month_end   date;
    part        text;
    created     integer := 0;
begin
    for month_start in select distinct date_trunc('month', d)::date from unnest(days) d where d is not null order by 1
    loop
        part := 'measurement_' || to_char(month_start, 'YYYY_MM');
        continue when to_regclass(part) is not null;
        perform pg_advisory_xact_lock(hashtext('measurement_ensure_partitions'));
        continue when to_regclass(part) is not null;
        month_end := (month_start + interval '1 month')::date;
        execute format('create table %I (like measurement including defaults including constraints)', part);
        execute format('with moved as (delete from measurement_default where effective_date >= %L and effective_date < %L '
                       'returning *) insert into %I select * from moved', month_start, month_end, part);
        execute format('alter table measurement attach partition %I for values from (%L) to (%L)',
                       part, month_start, month_end);
        created := created + 1;
    end loop;
    return created;
end
$$;

select measurement_ensure_partitions(array(select distinct effective_date from measurement_v9));
insert into measurement select * from measurement_v9;
drop table measurement_v9;
