package org.capgov.disclosure;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The public projection of the register. It selects the disclosed columns only, so that personal data (legal
 * representative, address, grid accounts) cannot reach a public page by a template mistake: it is never loaded.
 */
@Repository
class PublicEnterpriseRepository {

    /** Totals stop here: the public search needs "more than 10,000", not an exact count of a million rows. */
    static final int COUNT_CAP = 10_000;
    /** Words of a search text that count; more are ignored (each adds a condition). */
    static final int MAX_WORDS = 5;
    /** Names spelled per search at most, so that a first search after a large import stays quick. */
    static final int SPELLING_BATCH = 5_000;
    private static final String SELECT = """
            select e.uscc, e.name, e.region_code, r.name as region_name, e.region_path, e.industries, e.status, e.status_since
            from enterprise e join region r on r.code = e.region_code
            """;

    record Page(List<PublicEnterprise> rows, long total, boolean totalCapped) {
    }

    private final JdbcClient jdbc;

    PublicEnterpriseRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<PublicEnterprise> find(String uscc) {
        return jdbc.sql(SELECT + " where e.uscc = :uscc").param("uscc", uscc).query((rs, n) -> map(rs)).optional();
    }

    Optional<Long> idOf(String uscc) {
        return jdbc.sql("select id from enterprise where uscc = :uscc").param("uscc", uscc).query(Long.class).optional();
    }

    /**
     * By name or USCC (prefix), region subtree and industry; in name order. Each word of the text must match:
     * its characters in order anywhere in the name (涪陵钢铁 finds 重庆涪陵华峰钢铁有限公司), the USCC's start,
     * or, typed in Latin letters, the name's pinyin or initials (fuling, cqfl).
     */
    Page search(String text, String regionPath, String industry, int page, int size) {
        StringBuilder where = new StringBuilder("true");
        Map<String, Object> params = new HashMap<>();
        if (text != null && !text.isBlank()) {
            refreshSpellings();
            String[] words = text.trim().split("\\s+");
            for (int i = 0; i < words.length && i < MAX_WORDS; i++) {
                String word = words[i];
                where.append(" and (e.name ilike :inOrder").append(i).append(" or e.uscc like :uscc").append(i);
                params.put("inOrder" + i, inOrder(word));
                params.put("uscc" + i, org.capgov.shared.LikePattern.startsWith(word.toUpperCase(java.util.Locale.ROOT)));
                if (PinyinNames.isLatin(word)) {
                    where.append(" or exists (select 1 from enterprise_name_spelling s where s.enterprise_id = e.id")
                            .append(" and (s.full_pinyin like :pinyin").append(i).append(" or s.initials like :pinyin")
                            .append(i).append("))");
                    params.put("pinyin" + i, org.capgov.shared.LikePattern.contains(PinyinNames.normalise(word)));
                }
                where.append(")");
            }
        }
        if (regionPath != null) {
            where.append(" and e.region_path like :regionPath");
            params.put("regionPath", regionPath + "%");
        }
        if (industry != null) {
            where.append(" and e.industries @> cast(:industry as varchar[])");
            params.put("industry", "{" + industry + "}");
        }
        params.put("limit", size);
        params.put("offset", (long) page * size);
        List<PublicEnterprise> rows = jdbc.sql(SELECT + " where " + where + " order by e.name, e.id limit :limit offset :offset")
                .params(params).query((rs, n) -> map(rs)).list();
        params.put("cap", COUNT_CAP + 1);
        long total = jdbc.sql("select count(*) from (select 1 from enterprise e where " + where + " limit :cap) t")
                .params(params).query(Long.class).single();
        return new Page(rows, Math.min(total, COUNT_CAP), total > COUNT_CAP);
    }

    /** A LIKE pattern of the word's characters in order with anything between them: 涪陵钢铁 → %涪%陵%钢%铁%. */
    static String inOrder(String word) {
        StringBuilder p = new StringBuilder("%");
        word.codePoints().forEach(c -> p.append(org.capgov.shared.LikePattern.escape(new String(Character.toChars(c))))
                .append('%'));
        return p.toString();
    }

    /** Spells the names that are new or renamed since the last search (a batch at a time). */
    void refreshSpellings() {
        List<Map.Entry<Long, String>> stale = jdbc.sql("""
                select e.id, e.name from enterprise e left join enterprise_name_spelling s on s.enterprise_id = e.id
                where s.name is distinct from e.name limit :batch""").param("batch", SPELLING_BATCH)
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2))).list();
        if (stale.isEmpty()) {
            return;
        }
        Long[] ids = new Long[stale.size()];
        String[] names = new String[ids.length];
        String[] full = new String[ids.length];
        String[] initials = new String[ids.length];
        for (int i = 0; i < ids.length; i++) {
            PinyinNames.Spellings spelled = PinyinNames.of(stale.get(i).getValue());
            ids[i] = stale.get(i).getKey();
            names[i] = stale.get(i).getValue();
            full[i] = spelled.full();
            initials[i] = spelled.initials();
        }
        jdbc.sql("""
                insert into enterprise_name_spelling (enterprise_id, name, full_pinyin, initials)
                select * from unnest(cast(:ids as bigint[]), cast(:names as text[]), cast(:full as text[]),
                    cast(:initials as text[]))
                on conflict (enterprise_id) do update set name = excluded.name, full_pinyin = excluded.full_pinyin,
                    initials = excluded.initials""").param("ids", ids).param("names", names).param("full", full)
                .param("initials", initials).update();
    }

    private static PublicEnterprise map(ResultSet rs) throws SQLException {
        Array industries = rs.getArray("industries");
        List<String> codes = Arrays.stream((Object[]) industries.getArray()).map(String::valueOf).sorted().toList();
        return new PublicEnterprise(rs.getString("uscc"), rs.getString("name"), rs.getString("region_code"),
                rs.getString("region_name"), rs.getString("region_path"), codes, rs.getString("status"),
                rs.getDate("status_since").toLocalDate());
    }
}
