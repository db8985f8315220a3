-- Append-only, hash-chained audit trail. Each entry's hash is SM3 over its content and the previous hash,
-- so any change to a stored row breaks the chain from that row on (GET /api/v1/audit/verify).
create table audit_entry (
    id           bigint       primary key,
    recorded_at  timestamptz  not null,
    actor        text         not null,
    actor_ip     text,
    action       varchar(32)  not null,
    entity_type  varchar(64)  not null,
    entity_id    text,
    -- region path of the affected record, so that reading the trail follows data scope; null = platform-wide
    region_path  text,
    summary      text,
    before_state text,
    after_state  text,
    prev_hash    char(64)     not null,
    hash         char(64)     not null unique
);
create sequence audit_entry_seq;
create index audit_entry_recorded on audit_entry (recorded_at);
create index audit_entry_entity on audit_entry (entity_type, entity_id);
create index audit_entry_actor on audit_entry (actor);

-- The database itself refuses changes to the trail, whatever the application does.
create function audit_entry_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_entry is append-only (% refused)', tg_op using errcode = 'insufficient_privilege';
end;
$$;

create trigger audit_entry_no_update before update or delete on audit_entry
    for each row execute function audit_entry_append_only();
create trigger audit_entry_no_truncate before truncate on audit_entry
    for each statement execute function audit_entry_append_only();

revoke update, delete, truncate on audit_entry from public;
