package org.capgov.projects.ledger;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.capgov.shared.DataScope;
import org.capgov.shared.SqlPredicate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of the ledger (V53). Units move as blocks of serials; entries record every move, signed per account. */
@Repository
class LedgerRepository {

    private static final String ACCOUNT = """
            select a.id, a.kind, a.enterprise_id, a.uscc, a.region_code, a.region_path, a.name from ledger_account a
            """;

    /** A contiguous run of serials of one issuance, in one account. */
    record Block(long id, long issuanceId, long first, long end) {
        long size() {
            return end - first;
        }
    }

    /** Units of an account per product and state, and per source. */
    record Holding(String product, String state, long units) {
    }

    record SourceHolding(long issuanceId, String sourceKind, String caseId, String uscc, String equipmentCode,
            String document, String product, String state, long units) {
    }

    record TransactionRow(long id, String kind, String status, Long from, Long to, String product, long quantity,
            BigDecimal price, String contract, String planRef, String document, String reason,
            java.time.Instant proposedAt, java.time.Instant finishedAt) {
    }

    private final JdbcClient jdbc;

    LedgerRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<LedgerAccount> account(long id) {
        return jdbc.sql(ACCOUNT + " where a.id = :id").param("id", id).query(LedgerRepository::account).optional();
    }

    Optional<LedgerAccount> accountInScope(long id, DataScope scope) {
        SqlPredicate p = scope.predicate("a.region_path", null, "a.uscc");
        return jdbc.sql(ACCOUNT + " where a.id = :id and a.region_path is not null and " + p.sql()).params(p.params())
                .param("id", id).query(LedgerRepository::account).optional();
    }

    /** Locks the account row: transfers out of one account run one after another. */
    Optional<LedgerAccount> lockInScope(long id, DataScope scope) {
        SqlPredicate p = scope.predicate("a.region_path", null, "a.uscc");
        // no key update: transfers out of one account still queue, but a transfer *into* it (whose rows refer to the
        // account by foreign key, a key-share lock) does not wait for them; with "for update" two opposite transfers
        // deadlocked (each holding its sender, each referring to the other's)
        return jdbc.sql(ACCOUNT + " where a.id = :id and a.region_path is not null and " + p.sql() + " for no key update")
                .params(p.params()).param("id", id).query(LedgerRepository::account).optional();
    }

    Optional<LedgerAccount> enterpriseAccount(long enterpriseId) {
        return jdbc.sql(ACCOUNT + " where a.kind = 'ENTERPRISE' and a.enterprise_id = :e").param("e", enterpriseId)
                .query(LedgerRepository::account).optional();
    }

    Optional<LedgerAccount> reserveAccount(String regionCode) {
        return jdbc.sql(ACCOUNT + " where a.kind = 'RESERVE' and a.region_code = :r").param("r", regionCode)
                .query(LedgerRepository::account).optional();
    }

    LedgerAccount counterAccount(String kind) {
        return jdbc.sql(ACCOUNT + " where a.kind = :k").param("k", kind).query(LedgerRepository::account).single();
    }

    /** Inserts the account unless a concurrent caller did; either way returns it. */
    LedgerAccount open(String kind, Long enterpriseId, String uscc, String regionCode, String regionPath, String name,
            String by) {
        jdbc.sql("""
                insert into ledger_account (kind, enterprise_id, uscc, region_code, region_path, name, created_by)
                values (:kind, :e, :uscc, :r, :path, :name, :by) on conflict do nothing
                """).param("kind", kind).param("e", enterpriseId).param("uscc", uscc).param("r", regionCode)
                .param("path", regionPath).param("name", name).param("by", by).update();
        return "ENTERPRISE".equals(kind) ? enterpriseAccount(enterpriseId).orElseThrow()
                : reserveAccount(regionCode).orElseThrow();
    }

    List<LedgerAccount> accounts(DataScope scope, int limit) {
        SqlPredicate p = scope.predicate("a.region_path", null, "a.uscc");
        return jdbc.sql(ACCOUNT + " where a.region_path is not null and " + p.sql() + " order by a.id limit :limit")
                .params(p.params()).param("limit", limit).query(LedgerRepository::account).list();
    }

    /**
     * Records a transaction with its outcome, once it is known: COMPLETED (checked and completed: both happen inside
     * the one database transaction that moves the units, so no one could ever read PROPOSED or CHECKED; the three
     * times are recorded) or REJECTED with its reason. One statement instead of an insert and an update per transfer
     * (docs/decisions/audit-chain-throughput.md).
     */
    long record(String kind, String reason, Long from, Long to, String product, long quantity, BigDecimal price,
            String contract, String planRef, String document, String actor) {
        return jdbc.sql("""
                insert into ledger_transaction (kind, status, from_account, to_account, product, quantity, price,
                                                contract, plan_ref, document, reason, actor, checked_at, finished_at)
                values (:kind, case when cast(:reason as text) is null then 'COMPLETED' else 'REJECTED' end, :from, :to,
                        :product, :q, :price, :contract, :plan, :doc, :reason, :actor,
                        case when cast(:reason as text) is null then now() end, now())
                returning id
                """).param("kind", kind).param("reason", reason).param("from", from).param("to", to)
                .param("product", product).param("q", quantity).param("price", price).param("contract", contract)
                .param("plan", planRef).param("doc", document).param("actor", actor).query(Long.class).single();
    }

    long issuance(String sourceKind, String caseId, long equipmentId, String equipmentCode, long enterpriseId,
            String uscc, String regionPath, String product, long quantity, String document, java.time.LocalDate on,
            long tx) {
        return jdbc.sql("""
                insert into ledger_issuance (source_kind, case_id, equipment_id, equipment_code, enterprise_id, uscc,
                                             region_path, product, quantity, document, verified_on, transaction_id)
                values (:kind, :case, :eq, :code, :e, :uscc, :path, :product, :q, :doc, :on, :tx) returning id
                """).param("kind", sourceKind).param("case", caseId).param("eq", equipmentId).param("code", equipmentCode)
                .param("e", enterpriseId).param("uscc", uscc).param("path", regionPath).param("product", product)
                .param("q", quantity).param("doc", document).param("on", on).param("tx", tx).query(Long.class).single();
    }

    boolean issuedFrom(long equipmentId) {
        return jdbc.sql("select exists (select 1 from ledger_issuance where equipment_id = :id)").param("id", equipmentId)
                .query(Boolean.class).single();
    }

    void newBlock(long issuanceId, String product, long first, long end, long account, String state, String planRef) {
        jdbc.sql("""
                insert into ledger_unit_block (issuance_id, product, serials, account_id, state, plan_ref)
                values (:i, :p, int8range(:first, :end), :a, :s, :plan)
                """).param("i", issuanceId).param("p", product).param("first", first).param("end", end)
                .param("a", account).param("s", state).param("plan", planRef).update();
    }

    /** The blocks a move takes (oldest first, the last one possibly in part) and the units available in all. */
    record Taken(List<Block> blocks, long available) {
    }

    /**
     * The oldest blocks of an account in a state that together hold {@code quantity} units (first in, first out), and
     * how many units the account holds in that state. Not locked: the caller holds the account's row lock, and only a
     * holder of that lock moves blocks out of the account (blocks only arrive meanwhile); the updates below re-check
     * that each block is still where it was read. Locking every block of the account, as this did, wrote every one
     * of them on each transfer.
     */
    Taken blocks(long account, String product, String state, String planRef, long quantity) {
        long[] available = {0};
        List<Block> blocks = jdbc.sql("""
                select id, issuance_id, lower(serials), upper(serials), total from (
                    select id, issuance_id, serials,
                           sum(upper(serials) - lower(serials)) over (order by id) as upto,
                           sum(upper(serials) - lower(serials)) over () as total
                    from ledger_unit_block
                    where account_id = :a and product = :p and state = :s and plan_ref is not distinct from :plan) b
                where upto - (upper(serials) - lower(serials)) < :q
                order by id
                """).param("a", account).param("p", product).param("s", state).param("plan", planRef)
                .param("q", quantity).query((rs, n) -> {
                    available[0] = rs.getLong(5);
                    return new Block(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4));
                }).list();
        return new Taken(blocks, available[0]);
    }

    /** Moves whole blocks, each only if it is still in {@code from} and {@code fromState}; returns how many moved. */
    int moveBlocks(List<Long> ids, long from, String fromState, long to, String state, String planRef) {
        return jdbc.sql("""
                update ledger_unit_block set account_id = :to, state = :s, plan_ref = :plan
                where id = any(:ids) and account_id = :from and state = :fromState
                """).param("to", to).param("s", state).param("plan", planRef).param("ids", ids.toArray(Long[]::new))
                .param("from", from).param("fromState", fromState).update();
    }

    /** Keeps the upper part of a block where it is (if it is still there); the lower part is then a new block. */
    int shrinkBlock(long blockId, long from, String fromState, long newFirst, long end) {
        return jdbc.sql("""
                update ledger_unit_block set serials = int8range(:first, :end)
                where id = :id and account_id = :from and state = :fromState
                """).param("first", newFirst).param("end", end).param("id", blockId).param("from", from)
                .param("fromState", fromState).update();
    }

    /** One entry of a transaction: an account's signed amount of one run of serials. */
    record Entry(long account, long amount, long issuanceId, long first, long end) {
    }

    /** All entries of a transaction in one statement (each statement must balance: V140). */
    void entries(long tx, String product, List<Entry> entries) {
        jdbc.sql("""
                insert into ledger_entry (transaction_id, account_id, product, amount, issuance_id, serials)
                select :tx, u.a, :p, u.amount, u.i, int8range(u.f, u.e)
                from unnest(cast(:a as bigint[]), cast(:amount as bigint[]), cast(:i as bigint[]), cast(:f as bigint[]),
                            cast(:e as bigint[])) as u(a, amount, i, f, e)
                """).param("tx", tx).param("p", product)
                .param("a", entries.stream().map(Entry::account).toArray(Long[]::new))
                .param("amount", entries.stream().map(Entry::amount).toArray(Long[]::new))
                .param("i", entries.stream().map(Entry::issuanceId).toArray(Long[]::new))
                .param("f", entries.stream().map(Entry::first).toArray(Long[]::new))
                .param("e", entries.stream().map(Entry::end).toArray(Long[]::new)).update();
    }

    List<Holding> holdings(long account) {
        return jdbc.sql("""
                select product, state, sum(upper(serials) - lower(serials)) from ledger_unit_block
                where account_id = :a group by product, state order by product, state
                """).param("a", account).query((rs, n) -> new Holding(rs.getString(1), rs.getString(2), rs.getLong(3)))
                .list();
    }

    List<SourceHolding> bySource(long account) {
        return jdbc.sql("""
                select i.id, i.source_kind, i.case_id, i.uscc, i.equipment_code, i.document, b.product, b.state,
                       sum(upper(b.serials) - lower(b.serials))
                from ledger_unit_block b join ledger_issuance i on i.id = b.issuance_id
                where b.account_id = :a
                group by i.id, b.product, b.state order by i.id, b.state
                """).param("a", account).query((rs, n) -> new SourceHolding(rs.getLong(1), rs.getString(2),
                        rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                        rs.getString(8), rs.getLong(9))).list();
    }

    List<TransactionRow> history(long account, int limit) {
        return jdbc.sql(TX + " where from_account = :a or to_account = :a order by id desc limit :limit")
                .param("a", account).param("limit", limit).query(LedgerRepository::transaction).list();
    }

    /** A completed trade or an announced plan's retirement, with the names of the accounts, for the public page. */
    record PublicEntry(long id, java.time.Instant finishedAt, String fromName, String toName, String product,
            long quantity, BigDecimal price, String contract, String planRef, String document) {
    }

    /** Completed trades (TRANSFER with a price) or retirements of announced plans (RETIREMENT), newest first. */
    List<PublicEntry> published(String kind, int limit) {
        return jdbc.sql("""
                select t.id, t.finished_at, fa.name, ta.name, t.product, t.quantity, t.price, t.contract, t.plan_ref,
                       t.document
                from ledger_transaction t join ledger_account fa on fa.id = t.from_account
                     join ledger_account ta on ta.id = t.to_account
                where t.kind = :kind and t.status = 'COMPLETED' and (t.kind <> 'TRANSFER' or t.price is not null)
                order by t.id desc limit :limit
                """).param("kind", kind).param("limit", limit).query((rs, n) -> new PublicEntry(rs.getLong(1),
                        rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4), rs.getString(5), rs.getLong(6),
                        rs.getBigDecimal(7), rs.getString(8), rs.getString(9), rs.getString(10))).list();
    }

    Optional<TransactionRow> transaction(long id) {
        return jdbc.sql(TX + " where id = :id").param("id", id).query(LedgerRepository::transaction).optional();
    }

    private static final String TX = """
            select id, kind, status, from_account, to_account, product, quantity, price, contract, plan_ref, document,
                   reason, proposed_at, finished_at from ledger_transaction
            """;

    private static TransactionRow transaction(ResultSet rs, int n) throws SQLException {
        java.sql.Timestamp finished = rs.getTimestamp(14);
        return new TransactionRow(rs.getLong(1), rs.getString(2), rs.getString(3), (Long) rs.getObject(4),
                (Long) rs.getObject(5), rs.getString(6), rs.getLong(7), rs.getBigDecimal(8), rs.getString(9),
                rs.getString(10), rs.getString(11), rs.getString(12), rs.getTimestamp(13).toInstant(),
                finished == null ? null : finished.toInstant());
    }

    private static LedgerAccount account(ResultSet rs, int n) throws SQLException {
        return new LedgerAccount(rs.getLong(1), rs.getString(2), (Long) rs.getObject(3), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getString(7));
    }
}
