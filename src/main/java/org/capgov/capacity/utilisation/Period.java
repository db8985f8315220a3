package org.capgov.capacity.utilisation;

import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.capgov.shared.DomainException;

/**
 * A reporting period: a year ({@code 2025}), a quarter ({@code 2025-Q3}) or a month ({@code 2025-07}). A period never
 * spans two years, so "annual capacity × days in force ÷ days of that year" has one year to divide by.
 */
public record Period(String code, LocalDate from, LocalDate toExclusive) {

    private static final Pattern YEAR = Pattern.compile("(\\d{4})");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(0[1-9]|1[0-2])");

    public static Period parse(String text) {
        String t = text == null ? "" : text.trim();
        Matcher m;
        if ((m = YEAR.matcher(t)).matches()) {
            int y = Integer.parseInt(m.group(1));
            return new Period(t, LocalDate.of(y, 1, 1), LocalDate.of(y + 1, 1, 1));
        }
        if ((m = QUARTER.matcher(t)).matches()) {
            LocalDate from = LocalDate.of(Integer.parseInt(m.group(1)), (Integer.parseInt(m.group(2)) - 1) * 3 + 1, 1);
            return new Period(t, from, from.plusMonths(3));
        }
        if ((m = MONTH.matcher(t)).matches()) {
            return month(YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
        }
        throw DomainException.invalid("period", "error.capacity.period", text);
    }

    public static Period month(YearMonth month) {
        return new Period(month.toString(), month.atDay(1), month.plusMonths(1).atDay(1));
    }

    public boolean isMonth() {
        return MONTH.matcher(code).matches();
    }

    public YearMonth firstMonth() {
        return YearMonth.from(from);
    }

    public YearMonth lastMonth() {
        return YearMonth.from(toExclusive.minusDays(1));
    }

    public List<YearMonth> months() {
        List<YearMonth> out = new ArrayList<>();
        for (YearMonth m = firstMonth(); !m.isAfter(lastMonth()); m = m.plusMonths(1)) {
            out.add(m);
        }
        return out;
    }

    public int daysOfYear() {
        return Year.of(from.getYear()).length();
    }

    /** The previous period of the same kind (for trends). */
    public Period previous() {
        if (isMonth()) {
            return month(firstMonth().minusMonths(1));
        }
        if (code.contains("-Q")) {
            LocalDate f = from.minusMonths(3);
            return new Period(f.getYear() + "-Q" + ((f.getMonthValue() - 1) / 3 + 1), f, from);
        }
        return parse(Integer.toString(from.getYear() - 1));
    }
}
