package org.capgov.projects.ledger;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recomputes every balance from the transaction log alone and compares it with the unit blocks and with the balances
 * the database keeps per account and product (V140), in one snapshot: the log, the kept balances and the blocks agree
 * per account and product, no account but the issuance counter-account is negative,
 * every completed transaction balances, the units in existence equal the units issued, and the blocks of every
 * issuance cover its serials exactly once (no unit in two accounts, none lost).
 */
@Service
class LedgerVerification {

    /** The answer of GET /api/v1/ledger/verify. */
    record Report(boolean ok, long accounts, long units, long transactions, long rejected, List<String> problems) {
    }

    private record Key(long account, String product) {
    }

    private final JdbcClient jdbc;

    LedgerVerification(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    Report verify() {
        List<String> problems = new ArrayList<>();
        long issuanceAccount = jdbc.sql("select id from ledger_account where kind = 'ISSUANCE'").query(Long.class).single();
        Map<Key, Long> fromLog = new HashMap<>();
        jdbc.sql("select account_id, product, sum(amount) from ledger_entry group by account_id, product")
                .query((java.sql.ResultSet rs) -> {
                    fromLog.put(new Key(rs.getLong(1), rs.getString(2)), rs.getLong(3));
                });
        Map<Key, Long> fromBlocks = new HashMap<>();
        jdbc.sql("""
                select account_id, product, sum(upper(serials) - lower(serials)) from ledger_unit_block
                group by account_id, product
                """).query((java.sql.ResultSet rs) -> {
                    fromBlocks.put(new Key(rs.getLong(1), rs.getString(2)), rs.getLong(3));
                });
        Map<Key, Long> kept = new HashMap<>();
        jdbc.sql("select account_id, product, units from ledger_balance").query((java.sql.ResultSet rs) -> {
            kept.put(new Key(rs.getLong(1), rs.getString(2)), rs.getLong(3));
        });
        Set<Key> keys = new HashSet<>(fromLog.keySet());
        keys.addAll(fromBlocks.keySet());
        // the balances the database keeps (V140, what the no-negative check reads) must equal the log's sums
        Set<Key> balanceKeys = new HashSet<>(fromLog.keySet());
        balanceKeys.addAll(kept.keySet());
        for (Key k : balanceKeys) {
            long log = fromLog.getOrDefault(k, 0L);
            Long balance = kept.get(k);
            if (balance == null || balance != log) {
                problems.add("账户 " + k.account() + " " + k.product() + "：账户余额记为 " + (balance == null ? "无" : balance)
                        + "，按交易记录重算为 " + log);
            }
        }
        long issuedByLog = 0;
        for (Key k : keys) {
            long log = fromLog.getOrDefault(k, 0L);
            if (k.account() == issuanceAccount) {
                issuedByLog -= log;
                continue;
            }
            long held = fromBlocks.getOrDefault(k, 0L);
            if (log != held) {
                problems.add("账户 " + k.account() + " " + k.product() + "：交易记录余额 " + log + "，实际持有 " + held);
            }
            if (log < 0) {
                problems.add("账户 " + k.account() + " " + k.product() + " 余额为负：" + log);
            }
        }
        long issued = jdbc.sql("select coalesce(sum(quantity), 0) from ledger_issuance").query(Long.class).single();
        long inBlocks = fromBlocks.values().stream().mapToLong(Long::longValue).sum();
        if (issued != inBlocks || issued != issuedByLog) {
            problems.add("签发 " + issued + " 单位，区块中 " + inBlocks + " 单位，签发账户记录 " + issuedByLog + " 单位");
        }
        jdbc.sql("""
                select transaction_id from ledger_entry group by transaction_id, product having sum(amount) <> 0
                """).query(Long.class).list().forEach(tx -> problems.add("交易 " + tx + " 借贷不平"));
        // blocks of one issuance: pairwise disjoint (the constraint) and together exactly [1, quantity]
        jdbc.sql("""
                select i.id from ledger_issuance i join ledger_unit_block b on b.issuance_id = i.id
                group by i.id, i.quantity
                having sum(upper(b.serials) - lower(b.serials)) <> i.quantity or min(lower(b.serials)) <> 1
                    or max(upper(b.serials)) <> i.quantity + 1
                """).query(Long.class).list().forEach(i -> problems.add("签发 " + i + " 的指标编号不连续或重复"));
        long overlapping = jdbc.sql("""
                select count(*) from ledger_unit_block a join ledger_unit_block b
                  on a.issuance_id = b.issuance_id and a.id < b.id and a.serials && b.serials
                """).query(Long.class).single();
        if (overlapping > 0) {
            problems.add(overlapping + " 对区块含相同指标编号");
        }
        long accounts = jdbc.sql("select count(*) from ledger_account where kind in ('ENTERPRISE', 'RESERVE')")
                .query(Long.class).single();
        long transactions = jdbc.sql("select count(*) from ledger_transaction").query(Long.class).single();
        long rejected = jdbc.sql("select count(*) from ledger_transaction where status = 'REJECTED'").query(Long.class)
                .single();
        return new Report(problems.isEmpty(), accounts, issued, transactions, rejected, problems);
    }
}
