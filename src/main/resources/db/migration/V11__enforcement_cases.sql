-- Enforcement cases (DOMAIN §2 step 5, seeds 001 and 004): one case per failing dimension (or eliminated
-- equipment item) of one enterprise, its timeline of actions with effective dates, and per-equipment exit measures.

-- Who handles a case: dimension × region (subtree, most specific wins) → department; lead or assisting.
-- industry narrows a row (TECHNOLOGY in construction materials goes to 住房城乡建设委 too); null = any industry.
create table enforcement_assignment (
    id              bigserial   primary key,
    dimension       varchar(16) not null check (dimension in ('ENERGY', 'ENVIRONMENT', 'QUALITY', 'SAFETY', 'TECHNOLOGY')),
    region_code     varchar(12) not null references region (code),
    industry        varchar(16),
    department_code varchar(64) not null references department (code),
    lead            boolean     not null,
    source          text        not null,
    unique (dimension, region_code, industry, department_code)
);

create table enforcement_case (
    id                 varchar(20)  primary key,          -- readable number, e.g. ZG-2024-000123 / TC-2024-000007
    kind               varchar(16)  not null check (kind in ('RECTIFICATION', 'EXIT')),
    enterprise_id      bigint       not null references enterprise (id),
    uscc               varchar(18)  not null,
    region_path        text         not null,             -- copy of the enterprise's region path (scope, lists)
    dimension          varchar(16)  not null,
    equipment_id       bigint       references equipment (id),
    department_code    varchar(64)  not null references department (code),
    state              varchar(24)  not null,
    opened_on          date         not null,             -- effective date of the notice / exit order
    deadline           date,                              -- current deadline (after an extension: the extended one)
    original_deadline  date,
    extension_used     boolean      not null default false,
    production_stopped boolean      not null default false, -- SAFETY: 立即停产停业整顿
    closed_on          date,                              -- effective date of RECTIFIED / ANNOUNCED
    closed_by_law      boolean      not null default false, -- closure approved (关停) or exit by law: the red list
    finding_ref        text,                              -- the finding that opened it, if any
    rule_id            varchar(80),
    origin             varchar(16)  not null check (origin in ('FINDING', 'INSPECTION', 'MANUAL', 'POLICY')),
    overdue_since      date,                              -- set by the deadline sweep (the day after the deadline it
                                                          -- missed); cleared when the deadline moves
    version            integer      not null default 0,   -- optimistic lock: two officers at once → one gets 409
    created_at         timestamptz  not null default now(),
    created_by         text         not null,
    -- an exit order may carry a catalogue deadline that had already passed when the case was opened
    check (kind = 'EXIT' or deadline is null or deadline >= opened_on)
)
-- room on each page, so that the sweep's mark (overdue_since, in no index) is a HOT update that touches no index
with (fillfactor = 80);
create index enforcement_case_enterprise on enforcement_case (enterprise_id);
create index enforcement_case_region on enforcement_case (region_path text_pattern_ops);
-- the sweep (walked in (deadline, id) order) and the "due soon" read model: open cases by deadline. overdue_since
-- stays out of every index and index predicate, or the sweep's million updates would rewrite every index.
create index enforcement_case_open_deadline on enforcement_case (deadline, id) where closed_on is null;
create sequence enforcement_case_number;
-- at most one open case per enterprise × dimension × equipment (null equipment = the enterprise as a whole)
create unique index enforcement_case_one_open on enforcement_case (enterprise_id, dimension, coalesce(equipment_id, 0))
    where closed_on is null;

-- The timeline. Append-only; effective_date may lie in the past (events recorded afterwards).
create table case_event (
    id             bigserial    primary key,
    case_id        varchar(20)  not null references enforcement_case (id),
    action         varchar(24),                          -- null for the opening event
    from_state     varchar(24),
    to_state       varchar(24)  not null,
    effective_date date         not null,
    document       text,                                 -- 文号 of a notice, decision, report …
    note           text,
    months         integer,                              -- GRANT_EXTENSION
    deadline       date,                                 -- the deadline after this event
    actor          text         not null,
    recorded_at    timestamptz  not null default now()
);
create index case_event_case on case_event (case_id, effective_date, id);
create index case_event_action_date on case_event (action, effective_date);

-- RECORD_EXIT_MEASURE: per equipment item; the enterprise's public commitment not to resume production.
create table case_exit_measure (
    id                  bigserial   primary key,
    case_id             varchar(20) not null references enforcement_case (id),
    equipment_id        bigint      references equipment (id),
    measure             varchar(24) not null check (measure in ('WATER_CUT', 'POWER_CUT', 'POWER_UNIT_REMOVED', 'SEALED',
                                                               'DISMANTLED', 'LICENCE_REVOKED')),
    effective_date      date        not null,
    capacity            numeric(16, 2),                  -- annual capacity taken out, for the exit list
    product             varchar(24),
    commitment          boolean     not null default false, -- 承诺不再恢复生产
    dismantle_deadline  date,
    document            text,
    event_id            bigint      not null references case_event (id)
);
create index case_exit_measure_case on case_exit_measure (case_id);
