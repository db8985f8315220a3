-- Awards and subsidies for exits (seed 003 三、（六）, docs/decisions/supervision-readings.md S9, S10): granted per
-- exit case on one equipment item, with the worker resettlement figures, paid in instalments as the exit reaches
-- its verified steps. No foreign key to the projects' tables: the check that the capacity was not used as a
-- replacement indicator is made when granting and paying.
create table supervision_exit_award (
    id                bigserial      primary key,
    case_id           varchar(20)    not null unique references enforcement_case (id),
    uscc              varchar(18)    not null,
    enterprise_name   text           not null,
    region_code       varchar(12)    not null references region (code),
    region_path       text           not null,
    equipment_id      bigint         not null references equipment (id),
    equipment_code    varchar(32)    not null,
    capacity          numeric(16, 2) not null check (capacity > 0),
    unit              varchar(16)    not null,
    amount_yuan       numeric(16, 2) not null check (amount_yuan > 0),
    document          text           not null check (length(document) between 1 and 100),
    workers_affected  integer        not null check (workers_affected >= 0),
    workers_resettled integer        not null check (workers_resettled between 0 and workers_affected),
    resettlement_yuan numeric(16, 2) not null check (resettlement_yuan >= 0),
    granted_by        text           not null,
    granted_at        timestamptz    not null
);
create index supervision_exit_award_region on supervision_exit_award (region_path text_pattern_ops);
create index supervision_exit_award_equipment on supervision_exit_award (equipment_id);

create table supervision_award_instalment (
    id            bigserial      primary key,
    award_id      bigint         not null references supervision_exit_award (id),
    step          varchar(16)    not null check (step in ('EXIT_VERIFIED', 'ANNOUNCED')),
    amount_yuan   numeric(16, 2) not null check (amount_yuan > 0),
    paid_on       date,
    paid_document text           check (length(paid_document) <= 100),
    paid_by       text,
    unique (award_id, step),
    check ((paid_on is null) = (paid_by is null))
);
