-- Compliance runs: the registry evaluated against one catalogue version as of a date, and the findings of each run.

create table evaluation_run (
    id                    bigserial    primary key,
    catalogue_version     varchar(32)  not null,
    as_of                 date         not null,
    status                varchar(16)  not null check (status in ('QUEUED', 'RUNNING', 'DONE', 'FAILED')),
    -- asked for incremental; based_on says whether it was (the DONE run whose findings of unchanged enterprises
    -- were copied forward), null = every enterprise evaluated afresh
    incremental           boolean      not null,
    based_on              bigint       references evaluation_run (id),
    enterprises_total     integer      not null default 0,
    enterprises_done      integer      not null default 0,
    -- of the done: evaluated afresh, the rest copied forward from based_on
    enterprises_evaluated integer      not null default 0,
    findings              bigint       not null default 0,
    compliant             bigint       not null default 0,
    noncompliant          bigint       not null default 0,
    no_data               bigint       not null default 0,
    eliminated            bigint       not null default 0,
    advisory              bigint       not null default 0,
    conflicts             bigint       not null default 0,
    started_by            text         not null,
    created_at            timestamptz  not null default now(),
    started_at            timestamptz,
    -- what the run saw is the registry as of this moment: its start, or the start of the oldest transaction still
    -- open then (a long import commits rows stamped earlier). The next incremental run re-evaluates what changed after.
    changes_after         timestamptz,
    finished_at           timestamptz,
    -- touched with every progress step: a QUEUED or RUNNING run whose heartbeat stopped lost its node
    heartbeat_at          timestamptz  not null default now(),
    error                 text
);
-- one run at a time, across application nodes too: a second start fails on this index (→ 409)
create unique index evaluation_run_one_active on evaluation_run ((true)) where status in ('QUEUED', 'RUNNING');
create index evaluation_run_done on evaluation_run (catalogue_version, as_of, id desc) where status = 'DONE';

-- One row per rule applied to one subject (an equipment code, or 'enterprise') of one enterprise in one run.
-- Conflicts are stored here too, as rows with status CONFLICT: rule_id and conflict_with name the two rules that
-- contradict each other at (subject, metric), note gives the reason. Stored beside the findings, a conflict follows
-- the same scope (region, dimension of rule_id, enterprise), filters, counts and export, and is never dropped.
--
-- Partitioned by run: a run COPYs its findings into a table of its own without indexes, builds the indexes once,
-- then attaches it (findings of a run appear whole, when it is DONE). A failed run leaves nothing: its table is
-- dropped. Old runs go by DROP, never by a DELETE of millions of rows.
create table finding (
    run_id        bigint       not null,
    enterprise_id bigint       not null,
    uscc          varchar(18)  not null,
    region_path   text         not null,
    rule_id       varchar(80)  not null,
    document_id   varchar(64)  not null,
    dimension     varchar(16),
    status        varchar(16)  not null check (status in ('COMPLIANT', 'NONCOMPLIANT', 'NO_DATA', 'ELIMINATED', 'ADVISORY',
                                                          'CONFLICT')),
    subject       varchar(64)  not null,
    metric        varchar(80),
    value         text,
    comparator    varchar(8),
    limit_value   text,
    unit          varchar(32),
    severity      varchar(16),
    deadline      date,
    confidence    varchar(4),
    -- the rule rests on a secondary source (confidence S) and the finding is adverse: check the original first
    flagged       boolean      not null,
    conflict_with varchar(80),
    note          text
) partition by list (run_id);
-- the findings page: region subtree, status, rule and enterprise filters within one run
create index finding_region on finding (run_id, region_path text_pattern_ops);
create index finding_status on finding (run_id, status);
create index finding_rule on finding (run_id, rule_id);
create index finding_enterprise on finding (run_id, enterprise_id);
