-- Notifications: one inbox row per person and notice, and an e-mail outbox (DOMAIN §2: the department, the district
-- and the coordinator learn of a missed deadline).

-- Optional: notices are also e-mailed to people who have an address, when an SMTP server is configured.
alter table person add column email varchar(254);

create table notification (
    id          bigserial    primary key,
    person_id   bigint       not null references person (id) on delete cascade,
    kind        varchar(40)  not null,                  -- stable code, e.g. CASE_OVERDUE
    title       text         not null,
    body        text         not null,
    link        text,                                   -- a path inside the application, never an outside URL
    region_path text,
    -- a notice with the same key reaches a person once (a sweep may run twice); null keys never collide
    dedup_key   text,
    created_at  timestamptz  not null default now(),
    read_at     timestamptz,
    unique (person_id, dedup_key)
);
-- the inbox: unread first, newest first
create index notification_person on notification (person_id, id desc);
-- the badge in the navigation bar is counted on every page
create index notification_unread on notification (person_id) where read_at is null;

-- E-mail outbox, written in the same transaction as the inbox rows and sent afterwards by a polling sender, so that
-- a slow or failing SMTP server neither blocks the cause nor loses a message.
create table notification_mail (
    id              bigserial    primary key,
    notification_id bigint       not null references notification (id) on delete cascade,
    recipient       varchar(254) not null,
    status          varchar(8)   not null default 'PENDING' check (status in ('PENDING', 'SENT', 'FAILED')),
    attempts        integer      not null default 0,
    next_attempt_at timestamptz  not null default now(),
    last_error      text,
    created_at      timestamptz  not null default now(),
    sent_at         timestamptz
);
create index notification_mail_due on notification_mail (next_attempt_at) where status = 'PENDING';
create index notification_mail_notification on notification_mail (notification_id);
