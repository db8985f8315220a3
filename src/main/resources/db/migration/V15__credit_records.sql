-- Credit sanctions (seed 001 三(四)(六)(八), seed 004 三(七)): a record per case × basis with the measures it imposes,
-- the checks departments and banks make against them, and what each caller then did.

create table credit_record (
    id               bigserial    primary key,
    enterprise_id    bigint       not null references enterprise (id),
    uscc             varchar(18)  not null,
    region_path      text         not null,             -- copy of the enterprise's region path (scope)
    dimension        varchar(16)  not null,
    department_code  varchar(64),                       -- the department that handled the case
    basis            varchar(24)  not null check (basis in ('CLOSURE_BY_LAW', 'EXIT_DEADLINE_MISSED')),
    -- no foreign key: the case belongs to enforcement; the record is its consequence and keeps the case number
    case_id          varchar(20)  not null,
    document         text,                              -- 文号 of the closure decision / exit order, when known
    since            date         not null,             -- effective date of the sanction
    measures         varchar(24)[] not null check (cardinality(measures) > 0),
    status           varchar(12)  not null default 'ACTIVE' check (status in ('ACTIVE', 'REPAIRED')),
    exit_verified_on date,                              -- the case's exit was verified on site (整改到位)
    repaired_on      date,
    repair_ground    varchar(24)  check (repair_ground in ('EXIT_VERIFIED', 'COORDINATOR_DECISION')),
    repair_document  text,
    repair_note      text,
    repaired_by      text,
    created_at       timestamptz  not null default now(),
    created_by       text         not null,
    unique (case_id, basis),
    check ((status = 'REPAIRED') = (repaired_on is not null)),
    check (repaired_on is null or repaired_on >= since)
);
-- the check API: an enterprise's active records
create index credit_record_uscc on credit_record (uscc, status);
create index credit_record_region on credit_record (region_path text_pattern_ops);

-- Every check, with its caller: trigger (who asked about whom, for which measure) → response → feedback.
create table credit_check (
    id              uuid         primary key,
    caller          text         not null,
    department      text,                               -- the caller's department(s) at the time of the check
    uscc            varchar(18)  not null,
    measure         varchar(24),                        -- null: all measures
    restricted      boolean      not null,
    result_measures varchar(24)[] not null,
    record_ids      bigint[]     not null,              -- the records the answer rests on
    checked_at      timestamptz  not null default now(),
    feedback_action varchar(32),
    feedback_note   text,
    feedback_at     timestamptz
);
create index credit_check_uscc on credit_check (uscc, checked_at desc);
create index credit_check_records on credit_check using gin (record_ids);
