package org.capgov.enforcement.lists;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.capgov.region.Region;
import org.capgov.region.RegionService;
import org.capgov.shared.DomainException;
import org.capgov.shared.FigureCache;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.capgov.enforcement.RedListCase;
import org.capgov.enforcement.YellowListCase;
import org.capgov.shared.ChinaTime;
import java.time.Clock;

/**
 * The public lists as of any date, derived from the cases' timelines (effective dates, not the day an event was
 * recorded), for the disclosure pages, downloads and the anonymous API:
 * <ul>
 * <li>yellow (限期整改名单): enterprises with a rectification case opened on or before the date that no VERIFY_COMPLIANT
 * (rectified) or APPROVE_CLOSURE (moved to the red list) had ended by then; one row per enterprise;</li>
 * <li>red (经整改仍不达标、已依法关闭名单): enterprises whose closure was approved after a failed rectification in the year of
 * the date, up to the date (a list per year; an elimination exit is not on it);</li>
 * <li>exits (年度退出名单): the items of the cases announced in a year. The ANNOUNCE is the publication: seed 001 五
 * "拆除完毕后，在区政府网站公告", so an exit belongs to the year of its announcement, not of the on-site check;</li>
 * <li>over-limit and serious over-limit (超标排放企业名单, 超标排放严重的企业名单, published by the environment department):
 * enterprises with an environment case open on the date, and among them those whose rectification was found failed.</li>
 * </ul>
 * Public by law (seed 001 四(三)): no data scope, and no personal data is read. The counts, and a page with its total
 * taken from them, are read outside a transaction, where the counts can be kept (docs/decisions/disclosure-list-performance.md).
 */
@Service
public class PublicLists {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 200;
    /** Rows fetched per round when a whole list is written to a download. */
    private static final int CHUNK = 500;
    private static final int FIRST_YEAR = 2000;

    private final PublicListRepository repository;
    private final RegionService regions;
    private final Clock clock;
    private final FigureCache figures;
    private final TransactionTemplate readOnly;

    PublicLists(Clock clock, PublicListRepository repository, RegionService regions, FigureCache figures,
            PlatformTransactionManager transactions) {
        this.clock = clock;
        this.repository = repository;
        this.regions = regions;
        this.figures = figures;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /**
     * Checks request parameters as typed by a visitor (blank = absent): {@code asOf} an ISO date not after today
     * (default today, or the end of {@code year} when only the year is given), {@code year} from 2000 to the current
     * year (default the year of {@code asOf}), {@code region} an existing region code (its subtree), {@code page} from 0,
     * {@code size} 1 to 200 (default 20). Refuses with 400 naming the field.
     */
    public PublicListQuery query(String year, String region, String asOf, String page, String size) {
        LocalDate today = ChinaTime.today(clock);
        Integer y = null;
        if (!blank(year)) {
            y = integer("year", year, "error.lists.year", FIRST_YEAR, today.getYear());
        }
        LocalDate date;
        if (blank(asOf)) {
            date = y == null || y == today.getYear() ? today : LocalDate.of(y, 12, 31);
        } else {
            try {
                date = LocalDate.parse(asOf.trim());
            } catch (DateTimeParseException e) {
                throw DomainException.invalid("asOf", "error.lists.asOf", asOf);
            }
            if (date.isAfter(today) || date.getYear() < FIRST_YEAR) {
                throw DomainException.invalid("asOf", "error.lists.asOfRange", asOf, today.toString());
            }
        }
        String code = null;
        String path = null;
        if (!blank(region)) {
            Region r = region(region.trim());
            code = r.code();
            path = r.path();
        }
        int p = blank(page) ? 0 : integer("page", page, "error.lists.page", 0, Integer.MAX_VALUE / MAX_SIZE);
        int s = blank(size) ? DEFAULT_SIZE : integer("size", size, "error.lists.size", 1, MAX_SIZE);
        return new PublicListQuery(date, y, code, path, p, s);
    }

    @Transactional(readOnly = true)
    public PublicListPage<YellowListEntry> yellow(PublicListQuery q) {
        return yellow(q, null);
    }

    private PublicListPage<YellowListEntry> yellow(PublicListQuery q, Long total) {
        PublicListRepository.Slice<Long> slice = repository.yellowEnterprises(q, total);
        Map<Long, ListedEnterprise> names = repository.enterprises(slice.ids());
        Map<Long, List<YellowListCase>> cases = repository.yellowCases(slice.ids(), q.asOf());
        List<YellowListEntry> rows = slice.ids().stream()
                .map(id -> new YellowListEntry(names.get(id), cases.getOrDefault(id, List.of()))).toList();
        return page(PublicList.YELLOW, q, slice.total(), rows, Map.of());
    }

    @Transactional(readOnly = true)
    public PublicListPage<RedListEntry> red(PublicListQuery q) {
        return red(q, null);
    }

    private PublicListPage<RedListEntry> red(PublicListQuery q, Long total) {
        PublicListRepository.Slice<Long> slice = repository.redEnterprises(q, total);
        Map<Long, ListedEnterprise> names = repository.enterprises(slice.ids());
        Map<Long, List<RedListCase>> cases = repository.redCases(slice.ids(), q.asOf());
        List<RedListEntry> rows = slice.ids().stream()
                .map(id -> new RedListEntry(names.get(id), cases.getOrDefault(id, List.of()))).toList();
        return page(PublicList.RED, q, slice.total(), rows, Map.of());
    }

    /** The over-limit list, or with {@code serious} the serious over-limit list, as of {@code q.asOf()}. */
    @Transactional(readOnly = true)
    public PublicListPage<OverLimitEntry> overLimit(PublicListQuery q, boolean serious) {
        return overLimit(q, serious, null);
    }

    private PublicListPage<OverLimitEntry> overLimit(PublicListQuery q, boolean serious, Long total) {
        PublicListRepository.Slice<Long> slice = repository.overLimitEnterprises(q, serious, total);
        Map<Long, ListedEnterprise> names = repository.enterprises(slice.ids());
        Map<Long, List<OverLimitEntry.Case>> cases = repository.overLimitCases(slice.ids(), q.asOf(), serious);
        List<OverLimitEntry> rows = slice.ids().stream()
                .map(id -> new OverLimitEntry(names.get(id), cases.getOrDefault(id, List.of()))).toList();
        return page(serious ? PublicList.SERIOUS_OVER_LIMIT : PublicList.OVER_LIMIT, q, slice.total(), rows, Map.of());
    }

    /** The exits announced in {@code q.year()} (default: the year of {@code asOf}) up to {@code asOf}. */
    @Transactional(readOnly = true)
    public PublicListPage<ExitListEntry> exits(PublicListQuery q) {
        int year = exitYear(q);
        PublicListRepository.ExitSlice slice = repository.exits(q, LocalDate.of(year, 1, 1));
        return page(PublicList.EXITS, q, slice.total(), slice.rows(), slice.capacityByProduct());
    }

    /** The whole filtered list, page by page in list order, for downloads. */
    @Transactional(readOnly = true)
    public void forEachYellow(PublicListQuery q, Consumer<YellowListEntry> row) {
        chunks(q, this::yellow, row);
    }

    @Transactional(readOnly = true)
    public void forEachRed(PublicListQuery q, Consumer<RedListEntry> row) {
        chunks(q, this::red, row);
    }

    @Transactional(readOnly = true)
    public void forEachExit(PublicListQuery q, Consumer<ExitListEntry> row) {
        chunks(q, this::exits, row);
    }

    @Transactional(readOnly = true)
    public void forEachOverLimit(PublicListQuery q, boolean serious, Consumer<OverLimitEntry> row) {
        chunks(q, query -> overLimit(query, serious), row);
    }

    /**
     * The whole filtered list counted by region and by industry, in the database, kept until the lists, the registry or
     * the regions change (outside a transaction; docs/decisions/disclosure-list-performance.md).
     */
    public ListCounts counts(PublicList list, PublicListQuery q) {
        LocalDate from = list == PublicList.EXITS ? LocalDate.of(exitYear(q), 1, 1) : null;
        return figures.get(new CountsKey(list, q.asOf(), q.regionPath(), from),
                () -> repository.counts(list, q, from));
    }

    /** What the counts of a list depend on besides the data. */
    private record CountsKey(PublicList list, LocalDate asOf, String regionPath, LocalDate from) {
    }

    /**
     * Any list by its name, one page. The total of an enterprise list is taken from its kept counts, so that a page
     * reads only its own part of the list (the rows of the page are then read in one read-only transaction).
     */
    public PublicListPage<?> page(PublicList list, PublicListQuery q) {
        Long total = list == PublicList.EXITS ? null : counts(list, q).total();
        return readOnly.execute(s -> switch (list) {
            case YELLOW -> yellow(q, total);
            case RED -> red(q, total);
            case EXITS -> exits(q);
            case OVER_LIMIT -> overLimit(q, false, total);
            case SERIOUS_OVER_LIMIT -> overLimit(q, true, total);
        });
    }

    /** The lists one enterprise appears on as of a date (today when null), for its public page. */
    @Transactional(readOnly = true)
    public EnterpriseListing listsOf(long enterpriseId, LocalDate asOf) {
        LocalDate date = asOf == null ? ChinaTime.today(clock) : asOf;
        List<Long> ids = List.of(enterpriseId);
        return new EnterpriseListing(enterpriseId, date, repository.yellowCases(ids, date).getOrDefault(enterpriseId, List.of()),
                repository.redCases(ids, date).getOrDefault(enterpriseId, List.of()),
                repository.exitsOf(enterpriseId, date));
    }

    private <T> void chunks(PublicListQuery q, java.util.function.Function<PublicListQuery, PublicListPage<T>> read,
            Consumer<T> row) {
        for (int page = 0; ; page++) {
            PublicListPage<T> chunk = read.apply(q.withPage(page, CHUNK));
            chunk.rows().forEach(row);
            if (!chunk.hasNext()) {
                return;
            }
        }
    }

    private static int exitYear(PublicListQuery q) {
        return q.year() != null ? q.year() : q.asOf().getYear();
    }

    private static <T> PublicListPage<T> page(PublicList list, PublicListQuery q, long total, List<T> rows,
            Map<String, java.math.BigDecimal> capacity) {
        Integer year = list == PublicList.EXITS ? Integer.valueOf(exitYear(q)) : q.year();
        return new PublicListPage<>(list, q.asOf(), year, q.regionCode(), q.page(), q.size(), total, rows, capacity);
    }

    private Region region(String code) {
        try {
            return regions.get(code);
        } catch (DomainException e) {
            throw DomainException.invalid("region", "error.lists.region", code);
        }
    }

    private static int integer(String field, String value, String key, int min, int max) {
        try {
            int v = Integer.parseInt(value.trim());
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // refused below with the same message as an out-of-range number
        }
        // as text: a message would print 2026 as 2,026
        throw DomainException.invalid(field, key, value, Integer.toString(min), Integer.toString(max));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
