-- Dated facts about an equipment item that a catalogue item depends on and that are established by a decision or a
-- check rather than measured, each with the day it holds from and its source (e.g. seed 000 二、（三）4: whether a float
-- glass line meets the flat-glass access conditions). The evaluation as of a date reads the latest fact holding then.
-- A later fact supersedes an earlier one; none is changed or deleted (corrections are new facts, audited).
create table equipment_fact (
    id           bigserial   primary key,
    equipment_id bigint      not null references equipment (id),
    code         varchar(64) not null,
    value        boolean     not null,
    valid_from   date        not null,
    source       text        not null check (length(btrim(source)) > 0),
    recorded_by  text        not null,
    recorded_at  timestamptz not null default now(),
    unique (equipment_id, code, valid_from)
);
