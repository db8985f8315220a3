-- 八张问题清单 (seed 004 四、（四）): the problem register with its closed-loop life 发现 → 交办 → 整改 → 销号, and leads
-- (举报线索) from the public about places the registry does not know. The seed names eight lists but does not
-- enumerate them; the names below are a working set (docs/decisions/supervision-readings.md S6) that a coordinator
-- renames, adds to or retires on /supervision/problem-lists.
create table supervision_problem_list (
    code     varchar(32) primary key check (code ~ '^[A-Z][A-Z0-9_]{1,31}$'),
    name     text        not null check (length(name) between 1 and 60),
    position integer     not null,
    active   boolean     not null default true
);
insert into supervision_problem_list (code, name, position) values
    ('BACKWARD_CAPACITY', '落后产能未按期退出问题清单', 1),
    ('ILLEGAL_CAPACITY', '违规新增产能问题清单', 2),
    ('SUBSTANDARD_STEEL', '“地条钢”问题清单', 3),
    ('ENERGY', '能耗不达标问题清单', 4),
    ('ENVIRONMENT', '环保不达标问题清单', 5),
    ('QUALITY', '质量不达标问题清单', 6),
    ('SAFETY', '安全不达标问题清单', 7),
    ('SLOW_TASKS', '工作推进滞后问题清单', 8);

create table supervision_problem (
    id              bigserial   primary key,
    list_code       varchar(32) not null references supervision_problem_list (code),
    title           text        not null check (length(title) between 1 and 200),
    description     text        check (length(description) <= 4000),
    -- where the problem was found: a lead from the public, an inspection, a supervision notice or another source
    source          varchar(16) not null check (source in ('LEAD', 'INSPECTION', 'SUPERVISION', 'OTHER')),
    source_ref      text        check (length(source_ref) <= 100),
    region_code     varchar(12) not null references region (code),
    region_path     text        not null,
    department_code varchar(64) references department (code),
    deadline        date,
    state           varchar(16) not null check (state in ('FOUND', 'ASSIGNED', 'RECTIFYING', 'CLOSED')),
    uscc            varchar(18),
    case_id         varchar(20),
    closing_note    text        check (length(closing_note) <= 2000),
    created_by      text        not null,
    created_at      timestamptz not null,
    updated_at      timestamptz not null,
    closed_at       timestamptz,
    version         integer     not null default 0
);
create index supervision_problem_region on supervision_problem (region_path text_pattern_ops, state);
create index supervision_problem_department on supervision_problem (department_code, state);

create table supervision_problem_event (
    id          bigserial   primary key,
    problem_id  bigint      not null references supervision_problem (id),
    action      varchar(16) not null,
    from_state  varchar(16),
    to_state    varchar(16) not null,
    note        text        check (length(note) <= 2000),
    actor       text        not null,
    recorded_at timestamptz not null
);
create index supervision_problem_event_problem on supervision_problem_event (problem_id);

-- A lead about a place: address, optional map point, photos and free text; routed by matter and region to the
-- responsible department. The tracking number is the reporter's only key; contact is for that department alone.
create table supervision_lead (
    id              bigserial     primary key,
    tracking_no     varchar(24)   not null unique,
    matter          varchar(24)   not null,
    region_code     varchar(12)   not null references region (code),
    region_path     text          not null,
    address         text          not null check (length(address) between 1 and 200),
    latitude        numeric(9, 6) check (latitude between -90 and 90),
    longitude       numeric(9, 6) check (longitude between -180 and 180),
    text            text          not null check (length(text) between 1 and 2000),
    contact         text          check (length(contact) <= 200),
    department_code varchar(64)   not null references department (code),
    state           varchar(16)   not null check (state in ('RECEIVED', 'VERIFYING', 'CLOSED', 'REGISTERED')),
    reply           text          check (length(reply) <= 2000),
    problem_id      bigint        references supervision_problem (id),
    uscc            varchar(18),
    case_id         varchar(20),
    received_at     timestamptz   not null,
    updated_at      timestamptz   not null,
    closed_at       timestamptz,
    version         integer       not null default 0
);
create index supervision_lead_region on supervision_lead (region_path text_pattern_ops, received_at desc);
create index supervision_lead_department on supervision_lead (department_code, state);

create table supervision_lead_photo (
    id           bigserial   primary key,
    lead_id      bigint      not null references supervision_lead (id),
    filename     text        not null,
    content_type varchar(64) not null,
    sha256       char(64)    not null,
    bytes        bytea       not null
);
create index supervision_lead_photo_lead on supervision_lead_photo (lead_id);

create table supervision_lead_event (
    id              bigserial   primary key,
    lead_id         bigint      not null references supervision_lead (id),
    action          varchar(16) not null,
    from_state      varchar(16),
    to_state        varchar(16) not null,
    department_code varchar(64) not null,
    note            text        check (length(note) <= 2000),
    actor           text        not null,
    recorded_at     timestamptz not null
);
create index supervision_lead_event_lead on supervision_lead_event (lead_id);
