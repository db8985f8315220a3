-- The indicator ledger (产能置换指标): units in accounts, modelled on an emission-allowance registry. The database
-- itself keeps the invariants, whatever the application does:
--   * a unit is a serial of an issuance; unit blocks of one issuance never overlap (exclusion constraint), so every
--     unit lies in exactly one block and so in exactly one account;
--   * blocks are never deleted, and a retired block never changes again (trigger): no unit is used twice;
--   * one issuance per source equipment item: retired capacity becomes units once;
--   * every transaction's entries sum to zero (double entry, checked at commit) and entries are append-only;
--   * balances are sums of entries: GET /api/v1/ledger/verify recomputes them and compares with the unit blocks.
create extension if not exists btree_gist;

create table ledger_account (
    id            bigserial    primary key,
    -- ENTERPRISE: an enterprise's account; RESERVE: a region's government reserve; ISSUANCE and RETIREMENT: the
    -- counter-accounts of issuance and retirement (the first runs negative by the number of units in existence)
    kind          varchar(16)  not null check (kind in ('ENTERPRISE', 'RESERVE', 'ISSUANCE', 'RETIREMENT')),
    enterprise_id bigint       references enterprise (id),
    uscc          varchar(18),
    region_code   varchar(12)  references region (code),
    region_path   text,
    name          text         not null,
    created_at    timestamptz  not null default now(),
    created_by    text         not null,
    check ((kind = 'ENTERPRISE') = (enterprise_id is not null and uscc is not null)),
    check (kind in ('ISSUANCE', 'RETIREMENT') or (region_code is not null and region_path is not null))
);
create unique index ledger_account_enterprise on ledger_account (enterprise_id) where kind = 'ENTERPRISE';
create unique index ledger_account_reserve on ledger_account (region_code) where kind = 'RESERVE';
create unique index ledger_account_counter on ledger_account (kind) where kind in ('ISSUANCE', 'RETIREMENT');
insert into ledger_account (kind, name, created_by) values
    ('ISSUANCE', '指标签发账户', 'system'),
    ('RETIREMENT', '指标注销账户', 'system');

create table ledger_transaction (
    id            bigserial    primary key,
    kind          varchar(16)  not null check (kind in ('ISSUANCE', 'TRANSFER', 'RESERVATION', 'RETIREMENT', 'RELEASE')),
    status        varchar(12)  not null check (status in ('PROPOSED', 'CHECKED', 'COMPLETED', 'REJECTED')),
    from_account  bigint       references ledger_account (id),
    to_account    bigint       references ledger_account (id),
    product       varchar(24)  not null,
    quantity      bigint       not null check (quantity > 0),
    price         numeric(16, 2) check (price >= 0),     -- yuan per unit, trades only
    contract      text,                                 -- contract reference of a trade
    plan_ref      text,                                 -- the replacement plan that reserves, retires or releases
    document      text,                                 -- 文号 behind an issuance, retirement …
    reason        text,                                 -- why it was rejected
    proposed_at   timestamptz  not null default now(),
    checked_at    timestamptz,
    finished_at   timestamptz,
    actor         text         not null,
    check (status <> 'REJECTED' or reason is not null),
    check (status <> 'COMPLETED' or finished_at is not null)
);
create index ledger_transaction_from on ledger_transaction (from_account, id);
create index ledger_transaction_to on ledger_transaction (to_account, id);

-- Source of units: a verified exit of one equipment item (an enforcement exit case, or a voluntary exit verified by
-- the department), with its capacity at the time.
create table ledger_issuance (
    id             bigserial    primary key,
    source_kind    varchar(16)  not null check (source_kind in ('EXIT_CASE', 'VOLUNTARY_EXIT')),
    case_id        varchar(20)  references enforcement_case (id),
    equipment_id   bigint       not null unique references equipment (id),
    equipment_code varchar(32)  not null,
    enterprise_id  bigint       not null references enterprise (id),
    uscc           varchar(18)  not null,
    region_path    text         not null,
    product        varchar(24)  not null,
    quantity       bigint       not null check (quantity > 0),
    document       text         not null,
    verified_on    date         not null,
    transaction_id bigint       not null unique references ledger_transaction (id),
    check ((source_kind = 'EXIT_CASE') = (case_id is not null))
);

create table ledger_unit_block (
    id           bigserial    primary key,
    issuance_id  bigint       not null references ledger_issuance (id),
    product      varchar(24)  not null,
    serials      int8range    not null check (not isempty(serials) and lower(serials) >= 1),
    account_id   bigint       not null references ledger_account (id),
    state        varchar(12)  not null check (state in ('HELD', 'RESERVED', 'RETIRED')),
    plan_ref     text,
    check ((state = 'RESERVED') = (plan_ref is not null)),
    exclude using gist (issuance_id with =, serials with &&)
);
create index ledger_unit_block_account on ledger_unit_block (account_id, product, state);

create function ledger_block_guard() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        raise exception 'unit block % cannot be deleted', old.id using errcode = 'integrity_constraint_violation';
    end if;
    if old.state = 'RETIRED' then
        raise exception 'unit block % is retired and cannot change', old.id using errcode = 'integrity_constraint_violation';
    end if;
    if new.issuance_id <> old.issuance_id or new.product <> old.product then
        raise exception 'unit block % cannot change its issuance or product', old.id
            using errcode = 'integrity_constraint_violation';
    end if;
    return new;
end;
$$;
create trigger ledger_unit_block_guard before update or delete on ledger_unit_block
    for each row execute function ledger_block_guard();

create table ledger_entry (
    id             bigserial    primary key,
    transaction_id bigint       not null references ledger_transaction (id),
    account_id     bigint       not null references ledger_account (id),
    product        varchar(24)  not null,
    amount         bigint       not null check (amount <> 0),   -- + into the account, - out of it
    issuance_id    bigint       not null references ledger_issuance (id) deferrable initially deferred,
    serials        int8range    not null
);
create index ledger_entry_account on ledger_entry (account_id, product);
create index ledger_entry_transaction on ledger_entry (transaction_id);

create function ledger_entry_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'ledger entries are append-only' using errcode = 'integrity_constraint_violation';
end;
$$;
create trigger ledger_entry_no_change before update or delete on ledger_entry
    for each row execute function ledger_entry_append_only();

-- double entry: at commit, the entries of every transaction touched sum to zero per product
create function ledger_entry_balanced() returns trigger language plpgsql as $$
declare
    unbalanced bigint;
begin
    select sum(amount) into unbalanced from ledger_entry where transaction_id = new.transaction_id;
    if unbalanced <> 0 then
        raise exception 'ledger transaction % does not balance (%)', new.transaction_id, unbalanced
            using errcode = 'integrity_constraint_violation';
    end if;
    return null;
end;
$$;
create constraint trigger ledger_entry_double_entry after insert on ledger_entry deferrable initially deferred
    for each row execute function ledger_entry_balanced();

-- no negative balance outside the issuance counter-account, checked at commit per account and product touched
create function ledger_no_negative_balance() returns trigger language plpgsql as $$
declare
    balance bigint;
    counter boolean;
begin
    select kind = 'ISSUANCE' into counter from ledger_account where id = new.account_id;
    if counter then
        return null;
    end if;
    select coalesce(sum(amount), 0) into balance from ledger_entry
     where account_id = new.account_id and product = new.product;
    if balance < 0 then
        raise exception 'account % would hold % units of %', new.account_id, balance, new.product
            using errcode = 'integrity_constraint_violation';
    end if;
    return null;
end;
$$;
create constraint trigger ledger_entry_no_negative after insert on ledger_entry deferrable initially deferred
    for each row execute function ledger_no_negative_balance();

-- a finished transaction is final
create function ledger_transaction_final() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' or old.status in ('COMPLETED', 'REJECTED') then
        raise exception 'ledger transaction % is final', old.id using errcode = 'integrity_constraint_violation';
    end if;
    return new;
end;
$$;
create trigger ledger_transaction_is_final before update or delete on ledger_transaction
    for each row execute function ledger_transaction_final();
