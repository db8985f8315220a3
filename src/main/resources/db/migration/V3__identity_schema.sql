-- Departments, people, memberships (role × scope) and API tokens.
create table department (
    id              bigserial primary key,
    code            varchar(64) not null unique,
    name            text        not null,
    short_name      text        not null,
    name_en         text        not null,
    region_code     varchar(12) not null references region (code),
    kind            varchar(32) not null check (kind in ('COORDINATION_OFFICE', 'GOVERNMENT_DEPARTMENT', 'DISTRICT_GOVERNMENT',
                                                         'MANAGEMENT_COMMITTEE', 'GRID_COMPANY', 'FINANCIAL_REGULATOR',
                                                         'FINANCIAL_INSTITUTION', 'OVERSIGHT', 'ENTERPRISE')),
    dimensions      varchar(16)[] not null default '{}',
    source_document text        not null default '',
    active          boolean     not null default true
);

create table person (
    id                   bigserial primary key,
    username             varchar(64) not null unique,
    display_name         text        not null,
    password_hash        text        not null,
    enabled              boolean     not null default true,
    must_change_password boolean     not null default true,
    failed_attempts      integer     not null default 0,
    locked_until         timestamptz,
    password_changed_at  timestamptz,
    last_login_at        timestamptz,
    -- a system account (grid company, bank) is used by another system through long-lived tokens
    system_account       boolean     not null default false,
    -- created by demo mode with a published password; disabled whenever capgov starts outside demo mode
    demo_account         boolean     not null default false,
    created_at           timestamptz not null default now()
);

-- One person may hold several memberships; a membership grants a role over a scope:
-- the region subtree rooted at region_code × the listed dimensions (× one enterprise for ENTERPRISE).
create table membership (
    id              bigserial primary key,
    person_id       bigint      not null references person (id) on delete cascade,
    department_id   bigint      not null references department (id),
    role            varchar(32) not null check (role in ('ADMIN', 'COORDINATOR', 'DEPARTMENT_OFFICER', 'DISTRICT_OFFICER',
                                                         'ENTERPRISE', 'FINANCIAL_INSTITUTION', 'GRID_COMPANY', 'OBSERVER')),
    region_code     varchar(12) not null references region (code),
    dimensions      varchar(16)[] not null,
    enterprise_uscc varchar(18),
    -- 代管: the person acts for this department although employed by another
    acting_for      boolean     not null default false,
    created_at      timestamptz not null default now(),
    check (cardinality(dimensions) > 0),
    check ((role = 'ENTERPRISE') = (enterprise_uscc is not null)),
    unique (person_id, department_id, role)
);
create index membership_person on membership (person_id);

create table api_token (
    id           bigserial primary key,
    person_id    bigint      not null references person (id) on delete cascade,
    name         text        not null,
    -- SHA-256 of the token; the token itself is shown once and never stored
    token_hash   char(64)    not null unique,
    kind         varchar(16) not null check (kind in ('LOGIN', 'SYSTEM')),
    created_at   timestamptz not null default now(),
    created_by   text        not null,
    expires_at   timestamptz,
    revoked_at   timestamptz,
    revoked_by   text,
    last_used_at timestamptz
);
create index api_token_person on api_token (person_id);
