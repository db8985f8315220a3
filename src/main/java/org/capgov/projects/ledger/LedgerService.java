package org.capgov.projects.ledger;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.capgov.audit.AuditAction;
import org.capgov.audit.AuditEvent;
import org.capgov.audit.AuditTrail;
import org.capgov.shared.Actors;
import org.capgov.shared.DataScope;
import org.capgov.shared.DomainException;
import org.capgov.shared.DomainException.FieldProblem;
import org.capgov.shared.Product;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moves units between accounts. Every move is a transaction (proposed → checked → completed, or rejected with its
 * reason), recorded with its entries and in the audit trail in the same database transaction. The sender's account
 * row is locked first, so transfers out of one account queue while others run; the database refuses anything that
 * would break an invariant (V53), whatever this class does.
 */
@Service
public class LedgerService {

    /** The outcome of a request the ledger records either way. */
    public record Outcome(long transaction, String status, String reason) {
        public boolean completed() {
            return "COMPLETED".equals(status);
        }
    }

    private final LedgerRepository ledger;
    private final AuditTrail audit;

    LedgerService(LedgerRepository ledger, AuditTrail audit) {
        this.ledger = ledger;
        this.audit = audit;
    }

    /**
     * A transfer out of an account the caller may act for (an enterprise its own; officers their region's), to any
     * account that holds units (trades may cross regions). Bad input → 400 and nothing stored; an unknown account →
     * 404; a transfer the ledger refuses (too few units, the same account …) is recorded as rejected with the reason.
     */
    @Transactional
    public Outcome transfer(LedgerRequests.Transfer r) {
        List<FieldProblem> problems = new ArrayList<>();
        if (r == null) {
            throw DomainException.invalid(List.of(new FieldProblem("from", "", "请求体为空")));
        }
        if (r.from() == null) {
            problems.add(new FieldProblem("from", "", "缺少转出账户 from"));
        }
        if (r.to() == null) {
            problems.add(new FieldProblem("to", "", "缺少转入账户 to"));
        }
        String product = product(r.product(), "product", problems);
        long quantity = units(r.quantity(), "quantity", problems);
        if (r.price() != null && r.price().signum() < 0) {
            problems.add(new FieldProblem("price", r.price().toPlainString(), "价格不得为负"));
        }
        if (r.price() != null && (r.contract() == null || r.contract().isBlank())) {
            problems.add(new FieldProblem("contract", "", "有价格的交易须注明合同编号 contract"));
        }
        if (!problems.isEmpty()) {
            throw DomainException.invalid(problems);
        }
        DataScope scope = Actors.scope();
        LedgerAccount from = ledger.lockInScope(r.from(), scope)
                .orElseThrow(() -> DomainException.notFound("error.ledger.accountNotFound", r.from()));
        LedgerAccount to = ledger.account(r.to())
                .orElseThrow(() -> DomainException.notFound("error.ledger.accountNotFound", r.to()));
        String contract = r.contract() == null || r.contract().isBlank() ? null : r.contract().trim();
        String refusal = from.id() == to.id() ? "转出与转入为同一账户"
                : !to.holdsUnits() ? "账户 " + to.id() + " 不能接收指标（签发或注销账户）" : null;
        LedgerRepository.Taken held = refusal == null ? ledger.blocks(from.id(), product, "HELD", null, quantity)
                : new LedgerRepository.Taken(List.of(), 0);
        if (refusal == null && held.available() < quantity) {
            refusal = "账户 " + from.id() + " 可用 " + product + " 指标 " + held.available() + "，不足 " + quantity;
        }
        long tx = ledger.record("TRANSFER", refusal, from.id(), to.id(), product, quantity, r.price(), contract, null,
                null, Actors.username());
        if (refusal != null) {
            return rejected(tx, "TRANSFER", from, refusal, Map.of("from", from.id(), "to", to.id(), "product", product,
                    "quantity", quantity));
        }
        move(tx, held.blocks(), from.id(), "HELD", to.id(), product, quantity, "HELD", null, true);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("from", from.id());
        after.put("to", to.id());
        after.put("product", product);
        after.put("quantity", quantity);
        if (r.price() != null) {
            after.put("price", r.price());
            after.put("contract", contract);
        }
        audit.record(new AuditEvent(AuditAction.CREATE, "ledger_transaction", Long.toString(tx), from.regionPath(),
                "指标转让 " + quantity + " " + product + "：账户 " + from.id() + " → " + to.id(), null, after));
        return new Outcome(tx, "COMPLETED", null);
    }

    /**
     * Issues units into an account: {@code quantity} serials [1, quantity] of a new issuance, balanced by the issuance
     * counter-account. Called by {@link IssuanceService} once the source is checked.
     */
    @Transactional
    Outcome issue(LedgerAccount to, IssuanceService.Source source) {
        LedgerAccount counter = ledger.counterAccount("ISSUANCE");
        long tx = ledger.record("ISSUANCE", null, counter.id(), to.id(), source.product(), source.quantity(), null, null,
                null, source.document(), Actors.username());
        long issuance = ledger.issuance(source.kind(), source.caseId(), source.equipmentId(), source.equipmentCode(),
                source.enterpriseId(), source.uscc(), source.regionPath(), source.product(), source.quantity(),
                source.document(), source.verifiedOn(), tx);
        ledger.newBlock(issuance, source.product(), 1, source.quantity() + 1, to.id(), "HELD", null);
        ledger.entries(tx, source.product(), List.of(
                new LedgerRepository.Entry(counter.id(), -source.quantity(), issuance, 1, source.quantity() + 1),
                new LedgerRepository.Entry(to.id(), source.quantity(), issuance, 1, source.quantity() + 1)));
        audit.record(new AuditEvent(AuditAction.CREATE, "ledger_transaction", Long.toString(tx), source.regionPath(),
                "签发置换指标 " + source.quantity() + " " + source.product() + "（设备 " + source.equipmentCode() + "，"
                        + source.document() + "）至账户 " + to.id(), null,
                Map.of("issuance", issuance, "to", to.id(), "product", source.product(), "quantity", source.quantity(),
                        "source", source.kind(), "document", source.document())));
        return new Outcome(tx, "COMPLETED", null);
    }

    /** A plan under public notice reserves units: they stay in the account but can no longer be transferred. */
    @Transactional
    public Outcome reserve(LedgerRequests.Reservation r) {
        List<FieldProblem> problems = new ArrayList<>();
        if (r == null || r.account() == null) {
            problems.add(new FieldProblem("account", "", "缺少账户 account"));
        }
        String product = r == null ? null : product(r.product(), "product", problems);
        long quantity = r == null ? 0 : units(r.quantity(), "quantity", problems);
        if (r == null || r.plan() == null || r.plan().isBlank()) {
            problems.add(new FieldProblem("plan", "", "缺少置换方案编号 plan"));
        }
        if (!problems.isEmpty()) {
            throw DomainException.invalid(problems);
        }
        String plan = r.plan().trim();
        LedgerAccount account = ledger.lockInScope(r.account(), Actors.scope())
                .orElseThrow(() -> DomainException.notFound("error.ledger.accountNotFound", r.account()));
        LedgerRepository.Taken held = ledger.blocks(account.id(), product, "HELD", null, quantity);
        String refusal = held.available() < quantity ? "账户 " + account.id() + " 可用 " + product + " 指标 "
                + held.available() + "，不足以为方案 " + plan + " 预留 " + quantity : null;
        long tx = ledger.record("RESERVATION", refusal, account.id(), account.id(), product, quantity, null, null, plan,
                null, Actors.username());
        if (refusal != null) {
            return rejected(tx, "RESERVATION", account, refusal, Map.of("plan", plan, "quantity", quantity));
        }
        move(tx, held.blocks(), account.id(), "HELD", account.id(), product, quantity, "RESERVED", plan, false);
        audit.record(new AuditEvent(AuditAction.CREATE, "ledger_transaction", Long.toString(tx), account.regionPath(),
                "置换方案 " + plan + " 预留指标 " + quantity + " " + product, null,
                Map.of("account", account.id(), "plan", plan, "product", product, "quantity", quantity)));
        return new Outcome(tx, "COMPLETED", null);
    }

    /**
     * Ends a plan's reservations in an account: retired into the retirement account when the plan is announced (公告),
     * or released back to the holder when it is refused. Retired units never move again (V53).
     */
    @Transactional
    public List<Outcome> settle(long accountId, String plan, boolean retire, String document) {
        LedgerAccount account = ledger.lockInScope(accountId, Actors.scope())
                .orElseThrow(() -> DomainException.notFound("error.ledger.accountNotFound", accountId));
        LedgerAccount retirement = ledger.counterAccount("RETIREMENT");
        List<Outcome> out = new ArrayList<>();
        for (LedgerRepository.Holding h : ledger.holdings(account.id())) {
            LedgerRepository.Taken taken = "RESERVED".equals(h.state())
                    ? ledger.blocks(account.id(), h.product(), "RESERVED", plan, Long.MAX_VALUE)
                    : new LedgerRepository.Taken(List.of(), 0);
            long reserved = taken.available();
            if (reserved == 0) {
                continue;
            }
            String kind = retire ? "RETIREMENT" : "RELEASE";
            long tx = ledger.record(kind, null, account.id(), retire ? retirement.id() : account.id(), h.product(),
                    reserved, null, null, plan, document, Actors.username());
            if (retire) {
                move(tx, taken.blocks(), account.id(), "RESERVED", retirement.id(), h.product(), reserved, "RETIRED",
                        null, true);
            } else {
                move(tx, taken.blocks(), account.id(), "RESERVED", account.id(), h.product(), reserved, "HELD", null,
                        false);
            }
            audit.record(new AuditEvent(AuditAction.CREATE, "ledger_transaction", Long.toString(tx), account.regionPath(),
                    (retire ? "置换方案 " + plan + " 公告，注销指标 " : "置换方案 " + plan + " 未获确认，释放指标 ") + reserved
                            + " " + h.product(), null, Map.of("account", account.id(), "plan", plan, "quantity", reserved,
                            "document", document == null ? "" : document)));
            out.add(new Outcome(tx, "COMPLETED", null));
        }
        if (out.isEmpty()) {
            throw DomainException.conflict("error.ledger.noReservation", plan, accountId);
        }
        return out;
    }

    private Outcome rejected(long tx, String kind, LedgerAccount account, String reason, Map<String, Object> what) {
        Map<String, Object> after = new LinkedHashMap<>(what);
        after.put("status", "REJECTED");
        after.put("reason", reason);
        audit.record(new AuditEvent(AuditAction.CREATE, "ledger_transaction", Long.toString(tx), account.regionPath(),
                "指标交易被拒绝（" + kind + "）：" + reason, null, after));
        return new Outcome(tx, "REJECTED", reason);
    }

    /**
     * Moves {@code quantity} units of the {@code blocks} taken from {@code from} (oldest first), splitting the last
     * block: its upper part stays, its lower part becomes a new block where the units go. With {@code entries}, each
     * moved run is an entry pair (out, in), all inserted in one statement. Whole blocks move in one statement too, so
     * a transfer costs the same number of statements however many blocks it takes. A block no longer where it was
     * read (which the account's lock rules out) fails the whole transaction.
     */
    private void move(long tx, List<LedgerRepository.Block> blocks, long from, String fromState, long to, String product,
            long quantity, String toState, String toPlan, boolean entries) {
        long left = quantity;
        List<Long> whole = new ArrayList<>();
        LedgerRepository.Block part = null;
        List<LedgerRepository.Entry> posted = new ArrayList<>();
        for (LedgerRepository.Block b : blocks) {
            if (left == 0) {
                break;
            }
            long take = Math.min(left, b.size());
            if (take == b.size()) {
                whole.add(b.id());
            } else {
                part = b;
            }
            posted.add(new LedgerRepository.Entry(from, -take, b.issuanceId(), b.first(), b.first() + take));
            posted.add(new LedgerRepository.Entry(to, take, b.issuanceId(), b.first(), b.first() + take));
            left -= take;
        }
        if (left != 0) {
            throw new IllegalStateException("units vanished while the account was locked: " + left + " of " + quantity);
        }
        if (!whole.isEmpty() && ledger.moveBlocks(whole, from, fromState, to, toState, toPlan) != whole.size()) {
            throw new IllegalStateException("a unit block left account " + from + " while it was locked");
        }
        if (part != null) {
            long cut = part.first() + posted.get(posted.size() - 1).amount();
            if (ledger.shrinkBlock(part.id(), from, fromState, cut, part.end()) != 1) {
                throw new IllegalStateException("a unit block left account " + from + " while it was locked");
            }
            ledger.newBlock(part.issuanceId(), product, part.first(), cut, to, toState, toPlan);
        }
        if (entries) {
            ledger.entries(tx, product, posted);
        }
    }

    static String product(String code, String field, List<FieldProblem> problems) {
        if (code == null || code.isBlank()) {
            problems.add(new FieldProblem(field, "", "缺少产品代码 " + field));
            return null;
        }
        try {
            return Product.valueOf(code.trim().toUpperCase(Locale.ROOT)).name();
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem(field, code, "未知产品代码 " + code));
            return null;
        }
    }

    /** Units are whole: one unit is one unit of the product's capacity (t, 重量箱 …). */
    static long units(BigDecimal q, String field, List<FieldProblem> problems) {
        if (q == null || q.signum() <= 0 || q.stripTrailingZeros().scale() > 0 || q.compareTo(BigDecimal.valueOf(1e15)) > 0) {
            problems.add(new FieldProblem(field, q == null ? "" : q.toPlainString(), "数量应为正整数"));
            return 0;
        }
        return q.longValueExact();
    }
}
