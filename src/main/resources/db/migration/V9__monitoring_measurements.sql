-- Measurements (监测数据): one value of one metric for an enterprise, optionally of one equipment item, at a moment
-- or for a period, from a named source. Measurements are never deleted; a wrong value is marked INVALID (audited).
--
-- Not yet partitioned: monthly partitioning of this table (by effective_date, keyed by enterprise so that it can
-- later be distributed with Citus) comes with the HJ 212 gateway, whose online-monitoring volume needs it.
create table measurement (
    id             bigserial primary key,
    enterprise_id  bigint       not null references enterprise (id),
    equipment_id   bigint       references equipment (id),
    metric         varchar(64)  not null,
    value          numeric(20, 6),                 -- numeric metrics, converted to the metric's unit
    flag           boolean,                        -- req_* (boolean) metrics
    unit           varchar(24),                    -- the metric's unit (null for req_*)
    original_value text,
    original_unit  varchar(24),
    measured_at    timestamptz,                    -- a moment (online monitoring, inspections) …
    period_start   date,                           -- … or a period (audits, statistics)
    period_end     date,
    source         varchar(24)  not null check (source in ('INSPECTION', 'SELF_REPORT', 'ENERGY_AUDIT',
                                                           'QUALITY_SAMPLING', 'SAFETY_CHECK', 'ONLINE_MONITORING')),
    validity       varchar(16)  not null default 'VALID' check (validity in ('VALID', 'SUSPECT', 'INVALID')),
    attributes     jsonb        not null default '{}',
    document_ref   text,
    recorded_at    timestamptz  not null default now(),
    recorded_by    text         not null,
    -- the day a value speaks for: the end of its period, or the (China) date of its moment
    effective_date date         not null,
    check ((value is null) <> (flag is null)),
    check (measured_at is not null or period_end is not null),
    check (period_start is null or period_end is null or period_start <= period_end)
);

-- listing an enterprise's values newest first, and the latest value per metric of one enterprise
create index measurement_enterprise_metric on measurement (enterprise_id, metric, effective_date desc);
create index measurement_equipment on measurement (equipment_id) where equipment_id is not null;
-- an enterprise's values across metrics, newest first (the list page), without sorting them all
create index measurement_enterprise_date on measurement (enterprise_id, effective_date desc, id desc);
