-- Pricing: registered activities that a price scale reads (seed 004 三、（三） crypto-mining), the grid company's
-- acknowledgements and billing of the monthly surcharge list, objections, consumption and the watch's leads.

-- An enterprise's activity that a price scale names (e.g. 虚拟货币"挖矿"), dated, with the document that found it.
create table pricing_activity (
    id             bigserial    primary key,
    enterprise_id  bigint       not null references enterprise (id),
    activity       varchar(32)  not null check (activity in ('CRYPTO_MINING')),
    effective_from date         not null,
    effective_to   date,
    document       text         not null,
    recorded_by    text         not null,
    recorded_at    timestamptz  not null default now(),
    check (effective_to is null or effective_to >= effective_from)
);
create index pricing_activity_enterprise on pricing_activity (enterprise_id);

-- The grid company acknowledges the list of a month for a region subtree (once per person; repeated ones are kept).
create table pricing_list_ack (
    id               bigserial    primary key,
    month            date         not null check (extract(day from month) = 1),
    region_code      varchar(12)  not null references region (code),
    items            integer      not null,
    scales_version   varchar(32)  not null,
    acknowledged_by  text         not null,
    acknowledged_at  timestamptz  not null default now()
);
create index pricing_list_ack_month on pricing_list_ack (month, region_code);

-- What the grid company billed per account, kind and month; a re-sent row replaces the earlier one.
create table pricing_billing (
    month           date           not null check (extract(day from month) = 1),
    account_no      varchar(32)    not null,
    kind            varchar(32)    not null,
    enterprise_id   bigint         not null references enterprise (id),
    region_path     text           not null,
    rate            numeric(12, 4) not null,
    unit            varchar(24)    not null,
    consumption_kwh numeric(18, 2) not null check (consumption_kwh >= 0),
    amount_yuan     numeric(18, 2) not null check (amount_yuan >= 0),
    collected_yuan  numeric(18, 2) not null default 0 check (collected_yuan >= 0),
    recorded_by     text           not null,
    recorded_at     timestamptz    not null default now(),
    primary key (month, account_no, kind)
);
create index pricing_billing_region on pricing_billing (month, region_path text_pattern_ops);

-- An enterprise's objection to a surcharge; an upheld one stops the kind on the account from the next list on and
-- records the refund of what was billed for it.
create table pricing_objection (
    id               bigserial      primary key,
    enterprise_id    bigint         not null references enterprise (id),
    uscc             varchar(18)    not null,
    region_path      text           not null,
    account_no       varchar(32)    not null,
    kind             varchar(32)    not null,
    month            date           not null,
    reason           text           not null check (length(reason) between 1 and 2000),
    document_name    text,
    document_type    text,
    document         bytea,
    status           varchar(16)    not null default 'OPEN' check (status in ('OPEN', 'UPHELD', 'REJECTED')),
    decision_reason  text,
    refund_yuan      numeric(18, 2),
    decided_by       text,
    decided_at       timestamptz,
    effective_month  date,
    lodged_by        text           not null,
    lodged_at        timestamptz    not null default now()
);
create index pricing_objection_enterprise on pricing_objection (enterprise_id);

-- Consumption per grid account and day or month, as the grid company sends it; one row per account × period.
create table electricity_consumption (
    account_no     varchar(32)    not null,
    period_kind    varchar(5)     not null check (period_kind in ('DAY', 'MONTH')),
    period_start   date           not null,
    enterprise_id  bigint         not null references enterprise (id),
    region_path    text           not null,
    kwh            numeric(16, 2) not null check (kwh >= 0),
    peak_kw        numeric(12, 2) check (peak_kw >= 0),
    recorded_by    text           not null,
    recorded_at    timestamptz    not null default now(),
    primary key (account_no, period_kind, period_start)
);
create index electricity_consumption_enterprise on electricity_consumption (enterprise_id);

-- A hit of the power-use watch: a lead (线索) for the district, dismissed with a reason or turned into a case.
create table power_lead (
    id             bigserial    primary key,
    account_no     varchar(32)  not null,
    enterprise_id  bigint       not null references enterprise (id),
    uscc           varchar(18)  not null,
    region_path    text         not null,
    rule           varchar(24)  not null check (rule in ('CLOSED_DRAWING', 'JUMP', 'INDUCTION_PROFILE')),
    month          date         not null,
    figures        jsonb        not null,
    status         varchar(16)  not null default 'OPEN' check (status in ('OPEN', 'DISMISSED', 'CASE_OPENED')),
    reason         text,
    case_id        text,
    decided_by     text,
    decided_at     timestamptz,
    created_at     timestamptz  not null default now(),
    unique (account_no, rule, month)
);
create index power_lead_region on power_lead (region_path text_pattern_ops, status);
