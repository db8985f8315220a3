package org.capgov.disclosure;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.capgov.enforcement.ExitListEntry;
import org.capgov.enforcement.ListedEnterprise;
import org.capgov.enforcement.PublicListPage;
import org.capgov.enforcement.RedListCase;
import org.capgov.enforcement.RedListEntry;
import org.capgov.enforcement.YellowListCase;
import org.capgov.enforcement.YellowListEntry;
import org.springframework.context.MessageSource;
import org.springframework.web.util.UriUtils;

/**
 * What each row of a public list page shows, as ready text in the visitor's language, so that the template only prints
 * it. Rendering a page of 100 rows had cost more than its queries: a link expression per row (each one goes through
 * the resource URL encoding, which searches the classpath for a static file of that name) and a label lookup per cell.
 * Here labels are looked up once per code and page, and the row links are relative paths appended to one base link.
 */
final class PublicListRows {

    /** The enterprise cells; {@code path} is the USCC as a URL path segment, appended to the enterprise page base. */
    record Enterprise(String uscc, String name, String path, String region) {
    }

    record YellowLine(String dimension, String noticeDate, String deadline, boolean extended, boolean overdue,
            String department) {
    }

    record YellowRow(Enterprise enterprise, List<YellowLine> cases) {
    }

    record RedLine(String basis, String since, String document, String department) {
    }

    record RedRow(Enterprise enterprise, List<RedLine> cases) {
    }

    record ExitRow(Enterprise enterprise, String equipment, String product, String capacity, String measures,
            String announcedOn, String document) {
    }

    private static final String NONE = "—";

    private final MessageSource messages;
    private final Locale locale;
    private final Map<String, String> labels = new HashMap<>();

    private PublicListRows(MessageSource messages, Locale locale) {
        this.messages = messages;
        this.locale = locale;
    }

    /** The rows of one page of any of the three lists. */
    static List<?> of(PublicListPage<?> page, MessageSource messages, Locale locale) {
        PublicListRows rows = new PublicListRows(messages, locale);
        List<Object> out = new ArrayList<>(page.rows().size());
        for (Object row : page.rows()) {
            if (row instanceof YellowListEntry e) {
                out.add(rows.yellow(e));
            } else if (row instanceof RedListEntry e) {
                out.add(rows.red(e));
            } else if (row instanceof ExitListEntry e) {
                out.add(rows.exit(e));
            } else {
                throw new IllegalArgumentException(row.getClass().getName());
            }
        }
        return out;
    }

    /** The capacity sums of an exit list: "label amount unit" per product, in the page's order. */
    static List<String> capacitySums(PublicListPage<?> page, Map<String, String> units, MessageSource messages,
            Locale locale) {
        PublicListRows rows = new PublicListRows(messages, locale);
        List<String> sums = new ArrayList<>();
        page.capacityByProduct().forEach((product, amount) -> sums.add(rows.label("product.", product) + " "
                + amount(amount) + " "
                + units.getOrDefault(product, "")));
        return sums;
    }

    private YellowRow yellow(YellowListEntry e) {
        List<YellowLine> lines = new ArrayList<>(e.cases().size());
        for (YellowListCase c : e.cases()) {
            lines.add(new YellowLine(label("dimension.", c.dimension()), text(c.noticeDate()), text(c.deadline()),
                    c.extended(), c.overdue(), c.departmentName()));
        }
        return new YellowRow(enterprise(e.enterprise()), lines);
    }

    private RedRow red(RedListEntry e) {
        List<RedLine> lines = new ArrayList<>(e.cases().size());
        for (RedListCase c : e.cases()) {
            lines.add(new RedLine(label("disclosure.basis.", c.basis()) + "（" + label("dimension.", c.dimension()) + "）",
                    text(c.since()), c.document() == null ? NONE : c.document(), c.departmentName()));
        }
        return new RedRow(enterprise(e.enterprise()), lines);
    }

    private ExitRow exit(ExitListEntry e) {
        String equipment = e.equipmentCode() == null ? message("disclosure.wholeEnterprise")
                : e.equipmentCode() + " " + label("equipmentType.", e.equipmentType());
        List<String> measures = e.measures().stream().map(m -> label("disclosure.measure.", m)).toList();
        return new ExitRow(enterprise(e.enterprise()), equipment,
                e.product() == null ? NONE : label("product.", e.product()), amount(e.capacity()),
                String.join("、", measures), text(e.announcedOn()), e.document() == null ? NONE : e.document());
    }

    private static Enterprise enterprise(ListedEnterprise e) {
        return new Enterprise(e.uscc(), e.name(), UriUtils.encodePathSegment(e.uscc(), StandardCharsets.UTF_8),
                e.regionName());
    }

    /** As the labels bean in templates: the code itself when there is no label. */
    private String label(String prefix, Object code) {
        return labels.computeIfAbsent(prefix + code,
                key -> messages.getMessage(key, null, String.valueOf(code), locale));
    }

    private String message(String key) {
        return labels.computeIfAbsent(key, k -> messages.getMessage(k, null, locale));
    }

    private static String amount(BigDecimal capacity) {
        return capacity == null ? NONE : capacity.stripTrailingZeros().toPlainString();
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
