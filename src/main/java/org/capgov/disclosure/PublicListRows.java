package org.capgov.disclosure;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.capgov.enforcement.lists.ExitListEntry;
import org.capgov.enforcement.lists.ListedEnterprise;
import org.capgov.enforcement.lists.OverLimitEntry;
import org.capgov.enforcement.lists.PublicListPage;
import org.capgov.enforcement.RedListCase;
import org.capgov.enforcement.lists.RedListEntry;
import org.capgov.enforcement.YellowListCase;
import org.capgov.enforcement.lists.YellowListEntry;
import org.capgov.shared.Vocabulary;
import org.springframework.web.util.UriUtils;

/**
 * What each row of a public list page shows, as ready text in the visitor's language, so that the template only prints
 * it. Rendering a page of 100 rows had cost more than its queries: a link expression per row (each one goes through
 * the resource URL encoding, which searches the classpath for a static file of that name) and a loop per cell. Here
 * each cell is one text and the row links are relative paths appended to one base link.
 */
final class PublicListRows {

    /** The enterprise cells; {@code path} is the USCC as a URL path segment, appended to the enterprise page base. */
    record Enterprise(String uscc, String name, String path, String region) {
    }

    /** The deadline of one open case with its marks. */
    record Deadline(String date, boolean extended, boolean overdue) {
    }

    /**
     * An enterprise on the yellow list; each other column holds one line per open case (newline-separated, shown with
     * {@code white-space: pre-line}), so that a row is printed without a loop per cell.
     */
    record YellowRow(Enterprise enterprise, String dimensions, String noticeDates, List<Deadline> deadlines,
            String departments) {
    }

    /** An enterprise on the red list; one line per case in each other column. */
    record RedRow(Enterprise enterprise, String bases, String since, String documents, String departments) {
    }

    /** An enterprise on an over-limit list; one line per environment case in each other column. */
    record OverLimitRow(Enterprise enterprise, String noticeDates, String deadlines, String serious,
            String departments) {
    }

    record ExitRow(Enterprise enterprise, String equipment, String product, String capacity, String measures,
            String announcedOn, String document) {
    }

    private static final String NONE = "—";

    private final Vocabulary labels;

    private PublicListRows(Vocabulary labels) {
        this.labels = labels;
    }

    /** The rows of one page of any of the lists. */
    static List<?> of(PublicListPage<?> page, Vocabulary labels) {
        PublicListRows rows = new PublicListRows(labels);
        List<Object> out = new ArrayList<>(page.rows().size());
        for (Object row : page.rows()) {
            if (row instanceof YellowListEntry e) {
                out.add(rows.yellow(e));
            } else if (row instanceof RedListEntry e) {
                out.add(rows.red(e));
            } else if (row instanceof ExitListEntry e) {
                out.add(rows.exit(e));
            } else if (row instanceof OverLimitEntry e) {
                out.add(rows.overLimit(e));
            } else {
                throw new IllegalArgumentException(row.getClass().getName());
            }
        }
        return out;
    }

    /** The capacity sums of an exit list: "label amount unit" per product, in the page's order. */
    static List<String> capacitySums(PublicListPage<?> page, Map<String, String> units, Vocabulary labels) {
        List<String> sums = new ArrayList<>();
        page.capacityByProduct().forEach((product, amount) -> sums.add(labels.of("product.", product) + " "
                + amount(amount) + " " + units.getOrDefault(product, "")));
        return sums;
    }

    private YellowRow yellow(YellowListEntry e) {
        Lines dimensions = new Lines();
        Lines notices = new Lines();
        Lines departments = new Lines();
        List<Deadline> deadlines = new ArrayList<>(e.cases().size());
        for (YellowListCase c : e.cases()) {
            dimensions.add(labels.of("dimension.", c.dimension()));
            notices.add(text(c.noticeDate()));
            deadlines.add(new Deadline(text(c.deadline()), c.extended(), c.overdue()));
            departments.add(c.departmentName());
        }
        return new YellowRow(enterprise(e.enterprise()), dimensions.text(), notices.text(), deadlines, departments.text());
    }

    private RedRow red(RedListEntry e) {
        Lines bases = new Lines();
        Lines since = new Lines();
        Lines documents = new Lines();
        Lines departments = new Lines();
        for (RedListCase c : e.cases()) {
            bases.add(labels.of("disclosure.basis.", c.basis()) + "（" + labels.of("dimension.", c.dimension()) + "）");
            since.add(text(c.since()));
            documents.add(c.document() == null ? NONE : c.document());
            departments.add(c.departmentName());
        }
        return new RedRow(enterprise(e.enterprise()), bases.text(), since.text(), documents.text(), departments.text());
    }

    private OverLimitRow overLimit(OverLimitEntry e) {
        Lines notices = new Lines();
        Lines deadlines = new Lines();
        Lines serious = new Lines();
        Lines departments = new Lines();
        for (OverLimitEntry.Case c : e.cases()) {
            notices.add(text(c.noticeDate()));
            deadlines.add(c.deadline() == null ? NONE : text(c.deadline()));
            serious.add(c.serious() ? labels.of("disclosure.", "seriousSince") + " " + c.seriousSince() : NONE);
            departments.add(c.departmentName());
        }
        return new OverLimitRow(enterprise(e.enterprise()), notices.text(), deadlines.text(), serious.text(),
                departments.text());
    }

    private ExitRow exit(ExitListEntry e) {
        String equipment = e.equipmentCode() == null ? labels.of("disclosure.", "wholeEnterprise")
                : e.equipmentCode() + " " + labels.of("equipmentType.", e.equipmentType());
        List<String> measures = e.measures().stream().map(m -> labels.of("disclosure.measure.", m)).toList();
        return new ExitRow(enterprise(e.enterprise()), equipment,
                e.product() == null ? NONE : labels.of("product.", e.product()), amount(e.capacity()),
                String.join("、", measures), text(e.announcedOn()), e.document() == null ? NONE : e.document());
    }

    private static Enterprise enterprise(ListedEnterprise e) {
        return new Enterprise(e.uscc(), e.name(), UriUtils.encodePathSegment(e.uscc(), StandardCharsets.UTF_8),
                e.regionName());
    }

    /** One line per case; a line break inside a value would read as two cases, so it becomes a space. */
    private static final class Lines {
        private final StringBuilder text = new StringBuilder();

        void add(String value) {
            if (!text.isEmpty()) {
                text.append('\n');
            }
            text.append(value == null ? "" : value.replace('\r', ' ').replace('\n', ' '));
        }

        String text() {
            return text.toString();
        }
    }

    private static String amount(BigDecimal capacity) {
        return capacity == null ? NONE : capacity.stripTrailingZeros().toPlainString();
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
