-- Figures no registry field holds (concentration, local supply and deep-processing shares), reported per year by a
-- department with the document they come from; the latest entry of a target × year counts.
create table target_figure (
    id          bigserial primary key,
    target_id   varchar(64)    not null,
    year        integer        not null check (year between 2000 and 2100),
    value       numeric(18, 4) not null,
    document    text           not null check (length(document) between 1 and 300),
    note        text           check (length(note) <= 500),
    entered_by  text           not null,
    entered_at  timestamptz    not null default now()
);
create index target_figure_target on target_figure (target_id, year, id);
