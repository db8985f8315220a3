-- A balance per account and product, kept by the database from the entries themselves (docs/decisions/
-- audit-chain-throughput.md, "the ledger's own cost"). The no-negative check used to re-sum the account's whole
-- history for every entry at commit, so a transfer cost more the longer the ledger ran; now it reads one row.
-- GET /api/v1/ledger/verify recomputes every balance from the entries and reports any row that disagrees.
create table ledger_balance (
    account_id bigint      not null references ledger_account (id),
    product    varchar(24) not null,
    units      bigint      not null,
    primary key (account_id, product)
);

insert into ledger_balance (account_id, product, units)
select account_id, product, sum(amount) from ledger_entry group by account_id, product;

drop trigger ledger_entry_no_negative on ledger_entry;
drop function ledger_no_negative_balance();
drop trigger ledger_entry_double_entry on ledger_entry;
drop function ledger_entry_balanced();

-- Per statement, on the entries it inserted: every transaction touched balances per product (the statements of the
-- ledger insert a transaction's entries together, so each statement must leave it balanced), then the balances of
-- the accounts touched move by the statement's sums, in account order (two transactions touching the same two
-- accounts lock their balance rows in the same order, so they queue instead of deadlocking), and none but the
-- issuance counter-account may fall below zero.
create function ledger_entries_posted() returns trigger language plpgsql as $$
declare
    bad record;
begin
    select e.transaction_id, e.product, sum(e.amount) as off into bad
      from ledger_entry e
     where e.transaction_id in (select distinct transaction_id from posted)
     group by e.transaction_id, e.product having sum(e.amount) <> 0 limit 1;
    if found then
        raise exception 'ledger transaction % does not balance (% %)', bad.transaction_id, bad.off, bad.product
            using errcode = 'integrity_constraint_violation';
    end if;
    insert into ledger_balance as b (account_id, product, units)
    select account_id, product, sum(amount) from posted group by account_id, product order by account_id, product
    on conflict (account_id, product) do update set units = b.units + excluded.units;
    select b.account_id, b.product, b.units into bad
      from ledger_balance b join ledger_account a on a.id = b.account_id
     where (b.account_id, b.product) in (select account_id, product from posted)
       and b.units < 0 and a.kind <> 'ISSUANCE' limit 1;
    if found then
        raise exception 'account % would hold % units of %', bad.account_id, bad.units, bad.product
            using errcode = 'integrity_constraint_violation';
    end if;
    return null;
end;
$$;
create trigger ledger_entry_posted after insert on ledger_entry referencing new table as posted
    for each statement execute function ledger_entries_posted();
