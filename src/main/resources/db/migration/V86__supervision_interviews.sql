-- 约谈 (seed 004 四、（一）): the meeting with a slow region, who attended, and the commitments made, each of which
-- becomes a task (supervision_task.interview_id) with its lead department and deadline.
create table supervision_interview (
    id          bigserial   primary key,
    region_code varchar(12) not null references region (code),
    region_path text        not null,
    held_on     date        not null,
    attendees   text        not null check (length(attendees) between 1 and 2000),
    summary     text        not null check (length(summary) <= 4000),
    created_by  text        not null,
    created_at  timestamptz not null
);
create index supervision_interview_region on supervision_interview (region_path text_pattern_ops);
alter table supervision_task add column interview_id bigint references supervision_interview (id);
