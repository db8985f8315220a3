-- Supervision: the governments' own tasks (the seeds' task tables and measures with named departments), progress
-- reports per task and period, and the 督办 / 通报 issued on overdue tasks. Department codes refer to identity's
-- department table; names a task table uses that match no department are kept in unmapped_names, shown on the page.
create table supervision_task (
    id                bigserial    primary key,
    source_key        varchar(40)  unique,                 -- the data file's task id; null for tasks added on the platform
    document_number   text         not null,
    document_title    text         not null,
    section           text         not null,
    row_no            integer,                             -- the row of the document's task table, if from one
    title             text         not null,
    text              text         not null,
    quote             text         not null,
    lead_names        text[]       not null default '{}',
    cooperating_names text[]       not null default '{}',
    lead_codes        varchar(64)[] not null default '{}',
    cooperating_codes varchar(64)[] not null default '{}',
    unmapped_names    text[]       not null default '{}',
    region_code       varchar(12)  not null references region (code),
    region_path       text         not null,
    deadline_kind     varchar(12)  not null check (deadline_kind in ('DATE', 'YEARLY', 'CONTINUOUS')),
    due_date          date,                                -- DATE: the day
    month_day         char(5),                             -- YEARLY / CONTINUOUS: MM-DD of each year's report
    first_period      integer      not null,               -- the first year a report is due for
    deadline_text     text         not null,
    expected_output   text,
    status            varchar(12)  not null check (status in ('DRAFT', 'PUBLISHED')),
    created_by        text         not null,
    created_at        timestamptz  not null,
    published_at      timestamptz,
    check ((deadline_kind = 'DATE') = (due_date is not null)),
    check (deadline_kind = 'DATE' or month_day ~ '^[01][0-9]-[0-3][0-9]$')
);
create index supervision_task_region on supervision_task (region_path text_pattern_ops);
create index supervision_task_document on supervision_task (document_number);

-- One report per task × period (a year); the lead department writes it, the coordinator accepts or returns it.
create table supervision_report (
    id               bigserial    primary key,
    task_id          bigint       not null references supervision_task (id),
    period           integer      not null,
    department_code  varchar(64)  not null references department (code),
    text             text         not null,
    figures          text         not null default '',
    document_numbers text         not null default '',
    status           varchar(12)  not null check (status in ('SUBMITTED', 'RETURNED', 'ACCEPTED')),
    return_reason    text,
    submitted_by     text         not null,
    submitted_at     timestamptz  not null,
    decided_by       text,
    decided_at       timestamptz,
    round            integer      not null default 1,       -- 1 + the times it was returned and submitted again
    unique (task_id, period)
);

-- What a cooperating department adds to the lead's report of a period.
create table supervision_contribution (
    id              bigserial   primary key,
    task_id         bigint      not null references supervision_task (id),
    period          integer     not null,
    department_code varchar(64) not null references department (code),
    text            text        not null,
    created_by      text        not null,
    created_at      timestamptz not null
);
create index supervision_contribution_task on supervision_contribution (task_id, period);

create table supervision_attachment (
    id           bigserial   primary key,
    report_id    bigint      not null references supervision_report (id),
    file_name    text        not null,
    content_type text        not null,
    size_bytes   integer     not null,
    sha256       char(64)    not null,
    content      bytea       not null,
    created_by   text        not null,
    created_at   timestamptz not null
);
create index supervision_attachment_report on supervision_attachment (report_id);

-- 督办 (one per task × period, when it became overdue) and 通报 (a circular naming slow districts, with its .docx).
create table supervision_notice (
    id          bigserial   primary key,
    kind        varchar(12) not null check (kind in ('DUBAN', 'TONGBAO')),
    number      text        not null unique,
    task_id     bigint      references supervision_task (id),
    period      integer,
    region_path text        not null,
    title       text        not null,
    body        text        not null,
    docx        bytea,
    issued_by   text        not null,
    issued_on   date        not null,
    created_at  timestamptz not null,
    check (kind = 'TONGBAO' or task_id is not null)
);
create unique index supervision_notice_one_duban on supervision_notice (task_id, period) where kind = 'DUBAN';
-- 督办 and 通报 are numbered separately, each from 1
create sequence supervision_duban_number;
create sequence supervision_tongbao_number;
