package org.capgov.projects.project;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Working days in China: Monday to Friday, except the public holidays, plus the make-up working days (调休上班) of the
 * State Council's yearly notice, read from the maintained calendar file {@code projects/public-holidays.csv}. A date
 * outside the years of the calendar is refused rather than guessed. No Spring type, no clock.
 */
public final class WorkingDays {

    private final Map<LocalDate, Boolean> exceptions;
    private final TreeSet<Integer> years;
    private final TreeSet<Integer> provisional;

    private WorkingDays(Map<LocalDate, Boolean> exceptions, TreeSet<Integer> years, TreeSet<Integer> provisional) {
        this.exceptions = exceptions;
        this.years = years;
        this.provisional = provisional;
    }

    /**
     * Lines {@code date,HOLIDAY|WORKDAY,festival,source}; blank lines and lines starting with # are skipped. A year
     * with a line whose source begins with PROVISIONAL is provisional: its 调休 days are not yet known.
     */
    public static WorkingDays parse(List<String> lines) {
        Map<LocalDate, Boolean> exceptions = new HashMap<>();
        TreeSet<Integer> years = new TreeSet<>();
        TreeSet<Integer> provisional = new TreeSet<>();
        int n = 0;
        for (String line : lines) {
            n++;
            String s = line.strip();
            if (s.isEmpty() || s.startsWith("#")) {
                continue;
            }
            String[] cells = s.split(",", 4);
            if (cells.length < 2) {
                throw new IllegalArgumentException("holiday calendar line " + n + ": date and kind expected");
            }
            LocalDate date = LocalDate.parse(cells[0].strip());
            boolean working = switch (cells[1].strip()) {
                case "HOLIDAY" -> false;
                case "WORKDAY" -> true;
                default -> throw new IllegalArgumentException("holiday calendar line " + n + ": HOLIDAY or WORKDAY");
            };
            if (exceptions.put(date, working) != null) {
                throw new IllegalArgumentException("holiday calendar line " + n + ": " + date + " twice");
            }
            years.add(date.getYear());
            if (cells.length > 3 && cells[3].strip().startsWith("PROVISIONAL")) {
                provisional.add(date.getYear());
            }
        }
        return new WorkingDays(exceptions, years, provisional);
    }

    /**
     * The provisional years a period from {@code from} to {@code to} touches (the State Council's notice for them not
     * yet entered): a period counted over them may move once the 调休 days are known. Empty when none or no period.
     */
    public List<Integer> provisionalYears(LocalDate from, LocalDate to) {
        if (from == null || to == null) {
            return List.of();
        }
        return List.copyOf(provisional.subSet(from.getYear(), true, to.getYear(), true));
    }

    public boolean covers(LocalDate d) {
        return years.contains(d.getYear());
    }

    public int firstYear() {
        return years.isEmpty() ? 0 : years.first();
    }

    public int lastYear() {
        return years.isEmpty() ? 0 : years.last();
    }

    public boolean isWorkingDay(LocalDate d) {
        requireCovered(d);
        Boolean exception = exceptions.get(d);
        if (exception != null) {
            return exception;
        }
        return d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    /**
     * The last day of a period of {@code days} working days beginning on {@code start}: {@code start} counts as the
     * first when it is a working day, otherwise the period begins on the next working day (reading N8).
     */
    public LocalDate periodEnd(LocalDate start, int days) {
        if (days < 1) {
            throw new IllegalArgumentException("a period has at least one working day");
        }
        LocalDate d = start;
        int counted = isWorkingDay(d) ? 1 : 0;
        while (counted < days) {
            d = d.plusDays(1);
            if (isWorkingDay(d)) {
                counted++;
            }
        }
        return d;
    }

    /** Working days from {@code from} to {@code to}, both included; 0 when {@code to} is before {@code from}. */
    public int between(LocalDate from, LocalDate to) {
        int n = 0;
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            if (isWorkingDay(d)) {
                n++;
            }
        }
        return n;
    }

    private void requireCovered(LocalDate d) {
        if (!covers(d)) {
            throw new IllegalArgumentException("节假日日历只含 " + firstYear() + "–" + lastYear() + " 年，无法计算 " + d
                    + " 的工作日");
        }
    }
}
