-- Registry: enterprises, production lines, equipment, grid accounts, affiliations and status histories.
create extension if not exists pg_trgm;

create table enterprise (
    id                   bigserial primary key,
    uscc                 varchar(18)  not null unique,
    -- accepted although a check character fails (real registers hold such codes); the reason stays visible
    uscc_flag            text,
    name                 text         not null check (length(name) between 1 and 200),
    region_code          varchar(12)  not null references region (code),
    -- copy of region.path (paths never change: a reorganised region is closed and a new one opened)
    region_path          text         not null,
    address              text         check (length(address) <= 500),
    industries           varchar(16)[] not null check (cardinality(industries) > 0),
    legal_representative text         check (length(legal_representative) <= 100),
    parent_id            bigint       references enterprise (id),
    status               varchar(16)  not null check (status in ('OPERATING', 'SUSPENDED', 'RECTIFYING', 'CLOSED', 'EXITED',
                                                                 'DEREGISTERED')),
    status_since         date         not null,
    created_at           timestamptz  not null default now(),
    updated_at           timestamptz  not null default now()
);
create index enterprise_region_path on enterprise (region_path text_pattern_ops);
create index enterprise_industries on enterprise using gin (industries);
create index enterprise_name_trgm on enterprise using gin (name gin_trgm_ops);
create index enterprise_status on enterprise (status);

create table enterprise_status_history (
    id             bigserial primary key,
    enterprise_id  bigint      not null references enterprise (id),
    status         varchar(16) not null,
    effective_from date        not null,
    effective_to   date,
    document       text,
    note           text,
    recorded_at    timestamptz not null default now(),
    recorded_by    text        not null,
    check (effective_to is null or effective_to > effective_from)
);
create index enterprise_status_history_enterprise on enterprise_status_history (enterprise_id, effective_from);

-- Registered affiliates (关联企业): the land-bidding restriction of a credit sanction extends to them.
create table enterprise_affiliation (
    enterprise_id bigint      not null references enterprise (id),
    affiliate_id  bigint      not null references enterprise (id),
    relation      varchar(16) not null check (relation in ('AFFILIATE', 'SUBSIDIARY')),
    primary key (enterprise_id, affiliate_id),
    check (enterprise_id <> affiliate_id)
);

-- 供电户号: several per enterprise; one enterprise per account at a time.
create table grid_account (
    id            bigserial primary key,
    account_no    varchar(32) not null check (account_no ~ '^[0-9A-Za-z-]{4,32}$'),
    enterprise_id bigint      not null references enterprise (id),
    valid_from    date        not null,
    valid_to      date,
    check (valid_to is null or valid_to > valid_from)
);
create unique index grid_account_current on grid_account (account_no) where valid_to is null;
create index grid_account_enterprise on grid_account (enterprise_id);

create table production_line (
    id            bigserial primary key,
    enterprise_id bigint      not null references enterprise (id),
    code          varchar(32) not null,
    name          text,
    unique (enterprise_id, code)
);

create table equipment (
    id              bigserial primary key,
    enterprise_id   bigint         not null references enterprise (id),
    line_id         bigint         references production_line (id),
    code            varchar(32)    not null,
    type            varchar(32)    not null,
    parameters      jsonb          not null,
    product         varchar(24)    not null,
    annual_capacity numeric(16, 2) not null check (annual_capacity > 0),
    commissioned    date,
    region_code     varchar(12)    not null references region (code),
    region_path     text           not null,
    status          varchar(24)    not null check (status in ('OPERATING', 'IDLE', 'WATER_CUT', 'POWER_CUT',
                                                              'POWER_UNIT_REMOVED', 'SEALED', 'DISMANTLED', 'TRANSFERRED')),
    status_since    date           not null,
    created_at      timestamptz    not null default now(),
    updated_at      timestamptz    not null default now(),
    unique (enterprise_id, code)
);
create index equipment_product_region on equipment (product, region_path text_pattern_ops);
create index equipment_type on equipment (type);

create table equipment_status_history (
    id             bigserial primary key,
    equipment_id   bigint      not null references equipment (id),
    status         varchar(24) not null,
    effective_from date        not null,
    effective_to   date,
    document       text,
    note           text,
    recorded_at    timestamptz not null default now(),
    recorded_by    text        not null,
    check (effective_to is null or effective_to > effective_from)
);
create index equipment_status_history_equipment on equipment_status_history (equipment_id, effective_from);
