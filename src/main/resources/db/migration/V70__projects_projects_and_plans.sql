-- Projects of new capacity and their replacement plans (docs/decisions/new-capacity-readings.md N7–N10).
-- A project is declared by an enterprise or a district officer and reviewed by the responsible department; its
-- status history is append-only; the gate's decision is stored with every reason and citation, and a reviewer's
-- override is recorded beside it, never in its place.
create table project (
    id              bigserial    primary key,
    enterprise_id   bigint       not null references enterprise (id),
    uscc            varchar(18)  not null,
    region_code     varchar(12)  not null references region (code),
    region_path     text         not null,
    name            text         not null,
    kind            varchar(16)  not null check (kind in ('NEW', 'RENOVATION', 'EXPANSION', 'RELOCATION')),
    industry        varchar(24)  not null,
    product         varchar(24)  not null,
    unit            varchar(16)  not null,
    capacity_added  numeric(16, 2) not null check (capacity_added >= 0),
    capacity_removed numeric(16, 2) not null default 0 check (capacity_removed >= 0),
    approval_kind   varchar(12)  not null check (approval_kind in ('FILING', 'APPROVAL')),
    equipment       jsonb        not null default '[]',
    declared_on     date         not null,
    status          varchar(24)  not null,
    status_since    date         not null,
    gate            jsonb,
    gate_decision   varchar(20),
    override_decision varchar(20),
    created_at      timestamptz  not null default now(),
    created_by      text         not null,
    version         int          not null default 0
);
create index project_region on project (region_path text_pattern_ops);
create index project_uscc on project (uscc);

create table project_event (
    id              bigserial    primary key,
    project_id      bigint       not null references project (id),
    from_status     varchar(24),
    to_status       varchar(24)  not null,
    effective_date  date         not null,
    document        text,
    note            text,
    actor           text         not null,
    recorded_at     timestamptz  not null default now()
);
create index project_event_project on project_event (project_id, id);

-- land, planning, 节能审查, 环评, investment approval (备案 / 核准): number, date, issuing department
create table project_document (
    id              bigserial    primary key,
    project_id      bigint       not null references project (id),
    kind            varchar(16)  not null check (kind in ('LAND', 'PLANNING', 'ENERGY_REVIEW', 'EIA', 'INVESTMENT')),
    number          text         not null,
    issued_on       date         not null,
    department      text         not null,
    actor           text         not null,
    recorded_at     timestamptz  not null default now()
);
create index project_document_project on project_document (project_id);

create table project_override (
    id              bigserial    primary key,
    project_id      bigint       not null references project (id),
    gate_decision   varchar(20)  not null,
    decision        varchar(20)  not null,
    reason          text         not null,
    document        text         not null,
    actor           text         not null,
    recorded_at     timestamptz  not null default now()
);

create table replacement_plan (
    id              bigserial    primary key,
    code            varchar(24)  not null unique,
    project_id      bigint       not null references project (id),
    product         varchar(24)  not null,
    unit            varchar(16)  not null,
    ratio           numeric(6, 3) not null check (ratio > 0),
    ratio_reason    text         not null,
    required        numeric(16, 2) not null,
    covered         numeric(16, 2) not null,
    confirming_authority text    not null,
    ledger_account  bigint       references ledger_account (id),
    ledger_units    bigint       check (ledger_units > 0),
    status          varchar(12)  not null check (status in ('DRAFT', 'NOTICE', 'ANNOUNCED', 'REFUSED')),
    notice_days     int          not null check (notice_days > 0),
    notice_start    date,
    notice_end      date,
    notice_document text,
    announced_on    date,
    announcement    text,
    exit_deadline   date,
    refusal         text,
    created_at      timestamptz  not null default now(),
    created_by      text         not null,
    version         int          not null default 0,
    check ((ledger_account is null) = (ledger_units is null))
);
create index replacement_plan_project on replacement_plan (project_id);

-- retired registry equipment; an item counts in one live plan only (a refused plan frees it)
create table replacement_plan_equipment (
    id              bigserial    primary key,
    plan_id         bigint       not null references replacement_plan (id),
    equipment_id    bigint       not null references equipment (id),
    equipment_code  varchar(32)  not null,
    uscc            varchar(18)  not null,
    enterprise_name text         not null,
    product         varchar(24)  not null,
    capacity        numeric(16, 2) not null,
    agreement       text,
    exit_case_id    varchar(20)  references enforcement_case (id),
    released        boolean      not null default false
);
create unique index replacement_plan_equipment_once on replacement_plan_equipment (equipment_id) where not released;

create table replacement_plan_objection (
    id              bigserial    primary key,
    plan_id         bigint       not null references replacement_plan (id),
    received_on     date         not null,
    objector        text         not null,
    text            text         not null,
    actor           text         not null,
    recorded_at     timestamptz  not null default now()
);
