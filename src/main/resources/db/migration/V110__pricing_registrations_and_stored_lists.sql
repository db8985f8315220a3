-- Pricing: who registered an activity and when it was ended; registered reasons for a consumption jump; the
-- green-power share per account and year (1239号 relief); monthly lists stored when acknowledged.

alter table pricing_activity add column uscc varchar(18);
alter table pricing_activity add column region_path text;
alter table pricing_activity add column note text;
alter table pricing_activity add column ended_by text;
alter table pricing_activity add column ended_at timestamptz;
update pricing_activity a set uscc = e.uscc, region_path = e.region_path from enterprise e where e.id = a.enterprise_id;
alter table pricing_activity alter column uscc set not null;
alter table pricing_activity alter column region_path set not null;
create index pricing_activity_region on pricing_activity (region_path text_pattern_ops);

-- A registered reason for a rise in an account's consumption (a new line, a season, a trial run): the watch raises
-- no jump lead for a month it covers, and an officer may dismiss a lead citing it.
create table consumption_reason (
    id             bigserial    primary key,
    account_no     varchar(32)  not null,
    enterprise_id  bigint       not null references enterprise (id),
    uscc           varchar(18)  not null,
    region_path    text         not null,
    month_from     date         not null check (extract(day from month_from) = 1),
    month_to       date         not null check (extract(day from month_to) = 1),
    reason         text         not null check (length(reason) between 1 and 2000),
    document_name  text,
    document_type  text,
    document       bytea,
    recorded_by    text         not null,
    recorded_at    timestamptz  not null default now(),
    check (month_to >= month_from)
);
create index consumption_reason_account on consumption_reason (account_no, month_from, month_to);
create index consumption_reason_region on consumption_reason (region_path text_pattern_ops);

alter table power_lead add column reason_id bigint references consumption_reason (id);

-- The share of non-hydro renewable electricity an account used in a year, with the province's incentive weight of
-- that year's consumption obligation (发改价格〔2021〕1239号 green-power relief; readings G1–G3).
create table green_power_share (
    account_no              varchar(32)   not null,
    year                    integer       not null check (year between 2000 and 2100),
    enterprise_id           bigint        not null references enterprise (id),
    uscc                    varchar(18)   not null,
    region_path             text          not null,
    share_percent           numeric(5, 2) not null check (share_percent between 0 and 100),
    province_weight_percent numeric(5, 2) not null check (province_weight_percent between 0 and 100),
    document                text          not null,
    recorded_by             text          not null,
    recorded_at             timestamptz   not null default now(),
    primary key (account_no, year)
);
create index green_power_share_region on green_power_share (region_path text_pattern_ops);

-- A monthly list as acknowledged: later fetches return these rows; regenerating stores a new version. Each row is an
-- item, a conflict the catalogue does not settle, or what a draft scale would catch (section).
create table pricing_stored_list (
    id              bigserial    primary key,
    month           date         not null check (extract(day from month) = 1),
    region_code     varchar(12)  not null references region (code),
    region_path     text         not null,
    scales_version  varchar(32)  not null,
    items           integer      not null,
    cause           varchar(16)  not null check (cause in ('ACKNOWLEDGED', 'REGENERATED')),
    stored_by       text         not null,
    stored_at       timestamptz  not null default now()
);
create index pricing_stored_list_month on pricing_stored_list (month, region_path);

create table pricing_stored_item (
    list_id      bigint       not null references pricing_stored_list (id) on delete cascade,
    seq          integer      not null,
    section      varchar(8)   not null check (section in ('ITEM', 'CONFLICT', 'DRAFT')),
    account_no   varchar(32)  not null,
    uscc         varchar(18)  not null,
    region_path  text         not null,
    kind         varchar(32),
    item         jsonb        not null,
    primary key (list_id, seq)
);
