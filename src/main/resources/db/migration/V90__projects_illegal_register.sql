-- The register of illegal projects (seed 003 三、（二）): each project classified by stage × procedures, the measures
-- the seed prescribes for its class, the 补办 application routed 区县 → 市 → 国家, the demolition deadline, and typed
-- references to records other authorities hold (land, ocean, environment, finance). Readings W1–W4 in
-- docs/decisions/illegal-project-readings.md.
create sequence illegal_project_number_seq;

create table illegal_project (
    id                  bigserial    primary key,
    number              varchar(20)  not null unique,           -- WG + year + serial, shown and published
    enterprise_id       bigint       not null references enterprise (id),
    uscc                varchar(18)  not null,
    region_path         text         not null,                  -- copy of the enterprise's region path (scope)
    name                text         not null check (length(name) between 1 and 200),
    industry            varchar(24)  not null,
    stage               varchar(24)  not null check (stage in ('NOT_STARTED', 'UNDER_CONSTRUCTION', 'BUILT')),
    procedures          varchar(24)  not null
                        check (procedures in ('COMPLETE', 'INCOMPLETE', 'REFUSED_BY_STATE', 'OBTAINED_BY_STATE')),
    concealed           boolean      not null default false,     -- 隐瞒不报, found by inspection
    backward            boolean      not null default false,     -- 工艺装备落后、产品质量不合格、能耗及排放不达标
    measures            varchar(24)[] not null check (cardinality(measures) > 0),
    citation            text         not null,
    application         varchar(20)  not null default 'NONE'
                        check (application in ('NONE', 'DISTRICT_APPLIED', 'CITY_SUBMITTED', 'STATE_RECOGNISED',
                                               'STATE_REFUSED')),
    found_on            date         not null,
    document            text,                                   -- 文号 of the decision on the project
    demolition_deadline date,
    demolished_on       date,
    elimination_year    integer,                                -- 淘汰落后年度任务 of that year
    credit_record_id    bigint,                                 -- the FINANCING record in credit (no FK: credit's)
    created_at          timestamptz  not null default now(),
    created_by          text         not null,
    updated_at          timestamptz  not null default now(),
    check (('DEMOLISH' = any (measures)) = (demolition_deadline is not null)),
    check (demolished_on is null or 'DEMOLISH' = any (measures))
);
create index illegal_project_region on illegal_project (region_path text_pattern_ops);

create table illegal_project_step (
    id          bigserial    primary key,
    project_id  bigint       not null references illegal_project (id),
    step        varchar(24)  not null,
    on_date     date         not null,
    document    text,
    note        text,
    actor       text         not null,
    recorded_at timestamptz  not null default now()
);
create index illegal_project_step_project on illegal_project_step (project_id, id);

create table illegal_project_reference (
    id          bigserial    primary key,
    project_id  bigint       not null references illegal_project (id),
    kind        varchar(16)  not null check (kind in ('LAND', 'OCEAN', 'ENVIRONMENT', 'FINANCE')),
    number      text         not null check (length(number) between 1 and 100),
    issuer      text         not null check (length(issuer) between 1 and 100),
    issued_on   date         not null
);
create index illegal_project_reference_project on illegal_project_reference (project_id);

-- 金融机构停止发放贷款: a credit record on its own basis; it belongs to no dimension of the comprehensive standards
alter table credit_record drop constraint credit_record_basis_check;
alter table credit_record add constraint credit_record_basis_check
    check (basis in ('CLOSURE_BY_LAW', 'EXIT_DEADLINE_MISSED', 'ILLEGAL_PROJECT'));
alter table credit_record alter column dimension drop not null;
