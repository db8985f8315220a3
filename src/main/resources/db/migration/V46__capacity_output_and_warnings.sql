-- Capacity: monthly output reports with their revisions, and the utilisation warnings of seed 000 二、（八）.

-- One row per version of a report of enterprise × product × month. A correction is a new revision, never an
-- overwrite; "current" marks the latest revision, the one utilisation counts.
create table output_report (
    id                       bigserial primary key,
    enterprise_id            bigint         not null references enterprise (id),
    product                  varchar(24)    not null,
    month                    date           not null check (extract(day from month) = 1),
    revision                 integer        not null check (revision >= 1),
    current                  boolean        not null default true,
    -- in the product's capacity unit (docs/domain.md §4), converted from what was entered
    quantity                 numeric(18, 3) not null check (quantity >= 0),
    entered_quantity         numeric(18, 4) not null,
    entered_unit             varchar(16)    not null,
    source                   varchar(16)    not null check (source in ('SELF_REPORT', 'STATISTICS', 'INSPECTION')),
    -- the enterprise's capacity in force in that month when the report was taken, pro rata by days
    month_capacity           numeric(18, 3) not null,
    -- above 1.5 × month_capacity: accepted only when an officer confirmed it, with a reason
    above_capacity_confirmed boolean        not null default false,
    note                     text           check (length(note) <= 500),
    entered_by               text           not null,
    entered_at               timestamptz    not null default now(),
    unique (enterprise_id, product, month, revision)
);
create unique index output_report_one_current on output_report (enterprise_id, product, month) where current;
create index output_report_product_month on output_report (product, month) where current;

-- A warning per product × region that stays open while utilisation stays below 80 %; its months are its history.
create table capacity_warning (
    id             bigserial primary key,
    product        varchar(24)   not null,
    region_code    varchar(12)   not null references region (code),
    region_path    text          not null,
    level          varchar(16)   not null check (level in ('RELATIVE_EXCESS', 'SEVERE_EXCESS')),
    status         varchar(8)    not null check (status in ('OPEN', 'CLOSED')),
    since          date          not null,
    last_period    date          not null,
    utilisation    numeric(7, 2) not null,
    closed_period  date,
    closed_on      date,
    opened_at      timestamptz   not null default now(),
    check ((status = 'CLOSED') = (closed_on is not null))
);
create unique index capacity_warning_one_open on capacity_warning (product, region_code) where status = 'OPEN';
create index capacity_warning_region on capacity_warning (region_path text_pattern_ops, status);

create table capacity_warning_month (
    warning_id                bigint        not null references capacity_warning (id),
    period                    date          not null,
    level                     varchar(16)   not null,
    utilisation               numeric(7, 2) not null,
    output                    numeric(20, 3) not null,
    capacity                  numeric(20, 3) not null,
    reporting_enterprises     integer       not null,
    missing_capacity_share    numeric(6, 4) not null,
    evaluated_at              timestamptz   not null default now(),
    primary key (warning_id, period)
);
