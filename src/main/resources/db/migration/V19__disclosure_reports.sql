-- Reports from the public (举报, error reports) on a public enterprise page (DOMAIN §2 step 9, seed 004 "八张问题清单"):
-- routed to the department that owns the record, tracked to closure under a public tracking number.
create table public_report (
    id              bigserial    primary key,
    -- unguessable: the public status page is reached by this number alone
    tracking_no     varchar(24)  not null unique,
    uscc            varchar(18)  not null,
    enterprise_name text         not null,
    region_path     text         not null,             -- the enterprise's region path: officers' data scope
    case_id         varchar(20),                       -- when the report concerns an enforcement case
    category        varchar(16)  not null check (category in ('WRONG_DATA', 'WRONG_STATUS', 'OTHER')),
    text            text         not null check (length(text) between 1 and 2000),
    -- how to reach the reporter, if given: shown to the handling officers only, never on a public page
    contact         text         check (length(contact) <= 200),
    department_code varchar(64)  not null references department (code),
    state           varchar(16)  not null check (state in ('RECEIVED', 'ASSIGNED', 'IN_PROGRESS', 'RESOLVED', 'REJECTED')),
    assignee        text,
    -- the answer to the public, shown on the status page once the report is resolved or rejected
    reply           text         check (length(reply) <= 2000),
    received_at     timestamptz  not null default now(),
    updated_at      timestamptz  not null default now(),
    closed_at       timestamptz,
    version         integer      not null default 0
);
create index public_report_region on public_report (region_path text_pattern_ops, received_at desc);
create index public_report_department on public_report (department_code, state);
create index public_report_uscc on public_report (uscc);

-- What officers did with a report (internal; the public sees the state and the reply only).
create table public_report_event (
    id              bigserial    primary key,
    report_id       bigint       not null references public_report (id),
    action          varchar(16)  not null check (action in ('RECEIVE', 'ASSIGN', 'START', 'RESOLVE', 'REJECT', 'FORWARD')),
    from_state      varchar(16),
    to_state        varchar(16)  not null,
    department_code varchar(64)  not null,             -- the department holding the report after the action
    note            text         check (length(note) <= 2000),
    actor           text         not null,
    recorded_at     timestamptz  not null default now()
);
create index public_report_event_report on public_report_event (report_id, id);
