-- Online monitoring (docs/reference/hj212.md): data loggers, the packets they sent (raw, as evidence) and the values
-- parsed from them, one row per factor, each with its HJ 212 data flag.
create table telemetry_logger (
    id               bigserial primary key,
    mn               varchar(24)  not null unique,
    -- HJ 212 passwords are 6 characters: kept as a salted SHA-256, never in clear
    password_salt    bytea        not null,
    password_hash    bytea        not null,
    st               varchar(2)   not null,
    protocol         varchar(16)  not null default 'HJ212_2017',
    enterprise_id    bigint       not null references enterprise (id),
    uscc             varchar(18)  not null,
    region_path      text         not null,
    equipment_code   text,
    monitoring_point varchar(16)  not null check (monitoring_point in ('STACK', 'BOUNDARY')),
    created_at       timestamptz  not null default now(),
    created_by       text         not null
);
create index telemetry_logger_enterprise on telemetry_logger (enterprise_id);

create table telemetry_logger_factor (
    logger_id bigint      not null references telemetry_logger (id),
    factor    varchar(24) not null,
    metric    text        not null,
    primary key (logger_id, factor)
);

create table telemetry_packet (
    id          bigserial primary key,
    logger_id   bigint       not null references telemetry_logger (id),
    qn          varchar(17)  not null,
    cn          varchar(4)   not null,
    data_time   timestamp,
    received_at timestamptz  not null,
    remote      text,
    raw         text         not null,
    -- a retransmission (same QN from the same logger) is answered again but stored once
    unique (logger_id, qn)
);
create index telemetry_packet_time on telemetry_packet (logger_id, data_time);

create table telemetry_value (
    packet_id bigint           not null references telemetry_packet (id),
    factor    varchar(24)      not null,
    metric    text,
    rtd       double precision,
    avg       double precision,
    min       double precision,
    max       double precision,
    cou       double precision,
    flag      char(1),
    primary key (packet_id, factor)
);
