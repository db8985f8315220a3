-- Online monitoring, second part (docs/reference/hj212.md §6–§9): lenient mode per logger, heartbeats, a hash of each
-- raw packet, hourly and daily values with their validity, and data-quality alerts.

-- tolerances a logger's lenient mode lets through (names of org.capgov.telemetry.protocol.Tolerance), none = strict
alter table telemetry_logger add column tolerances text[] not null default '{}';
alter table telemetry_logger add column last_packet_at timestamptz;
alter table telemetry_logger add column last_heartbeat_at timestamptz;
-- the last packet was refused (CRC, length, password …) or carried a fault flag: shown as "in fault"
alter table telemetry_logger add column last_fault_at timestamptz;
alter table telemetry_logger add column last_fault text;

-- how often each tolerance was needed, per logger
create table telemetry_tolerance_use (
    logger_id bigint      not null references telemetry_logger (id),
    tolerance varchar(32) not null,
    uses      bigint      not null,
    last_at   timestamptz not null,
    primary key (logger_id, tolerance)
);

-- SHA-256 of the raw data segment, kept beside it: the per-batch audit entry chains these hashes
alter table telemetry_packet add column raw_sha256 char(64);
alter table telemetry_packet add column tolerated text[] not null default '{}';
create index telemetry_packet_cn_time on telemetry_packet (cn, data_time);

-- hourly values from minute data (CN 2051) or sent as hourly data (CN 2061), daily values from hourly ones
create table telemetry_aggregate (
    logger_id     bigint           not null references telemetry_logger (id),
    factor        varchar(24)      not null,
    metric        text,
    period        varchar(8)       not null check (period in ('HOUR', 'DAY')),
    period_start  timestamp        not null,
    mean          double precision,
    unit          text,
    valid_count   int              not null,
    invalid_count int              not null,
    -- counts of excluded values by HJ 212 flag, e.g. {"M": 12, "D": 3}
    excluded      jsonb            not null default '{}',
    valid         boolean          not null,
    measurement_id bigint,
    computed_at   timestamptz      not null,
    primary key (logger_id, factor, period, period_start)
);

create table telemetry_quality_alert (
    id           bigserial primary key,
    logger_id    bigint       not null references telemetry_logger (id),
    policy       varchar(40)  not null,
    factor       varchar(24)  not null default '',
    window_start timestamp    not null,
    window_end   timestamp    not null,
    detail       text         not null,
    region_path  text         not null,
    created_at   timestamptz  not null,
    unique (logger_id, policy, factor, window_start)
);
create index telemetry_quality_alert_time on telemetry_quality_alert (created_at desc);
