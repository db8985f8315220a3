-- The audit trail is sealed outside the business transaction (docs/decisions/audit-chain-throughput.md): a change
-- appends its entry unchained, with a row in audit_pending, and one sealer chains the committed entries in order,
-- writing one seal per entry (its position in the chain, the previous seal's hash, SM3 over the entry and that
-- hash). New entries no longer carry prev_hash/hash themselves; the seal does.
alter table audit_entry alter column prev_hash drop not null;
alter table audit_entry alter column hash drop not null;

create table audit_seal (
    -- strictly increasing; the chain runs in position order (the order of sealing, not of the entries' ids)
    position  bigint       primary key,
    entry_id  bigint       not null unique,
    prev_hash char(64)     not null,
    hash      char(64)     not null unique,
    sealed_at timestamptz  not null
);

-- The chain so far becomes the first seals, with the same order and hashes. Their positions are the entries' ids, so
-- an anchor file written before this migration (id and hash of the newest entry) names the same seal.
insert into audit_seal (position, entry_id, prev_hash, hash, sealed_at)
select id, id, prev_hash, hash, recorded_at from audit_entry order by id;

-- Entries committed but not yet sealed (待封存). Written with the entry, deleted by the sealer with the seal.
create table audit_pending (
    entry_id bigint primary key
);

create function audit_seal_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_seal is append-only (% refused)', tg_op using errcode = 'insufficient_privilege';
end;
$$;

create trigger audit_seal_no_update before update or delete on audit_seal
    for each row execute function audit_seal_append_only();
create trigger audit_seal_no_truncate before truncate on audit_seal
    for each statement execute function audit_seal_append_only();

revoke update, delete, truncate on audit_seal from public;
