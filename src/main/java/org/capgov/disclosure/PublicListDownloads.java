package org.capgov.disclosure;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.capgov.enforcement.lists.ExitListEntry;
import org.capgov.enforcement.ExitMeasure;
import org.capgov.enforcement.lists.ListedEnterprise;
import org.capgov.enforcement.lists.OverLimitEntry;
import org.capgov.enforcement.lists.PublicList;
import org.capgov.enforcement.lists.PublicListQuery;
import org.capgov.enforcement.lists.PublicLists;
import org.capgov.enforcement.RedListCase;
import org.capgov.enforcement.lists.RedListEntry;
import org.capgov.enforcement.YellowListCase;
import org.capgov.enforcement.lists.YellowListEntry;
import org.capgov.shared.Product;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.capgov.shared.spreadsheet.TableFormat;
import org.capgov.shared.spreadsheet.TableWriter;

/**
 * A whole filtered list as CSV or .xlsx, in Chinese, in the order of the pages. The yellow and red lists have one row
 * per listed case (the enterprise repeated, as the over-limit lists), so that every row of a spreadsheet stands on its own; the exit list has one
 * row per exited item, as on its page.
 */
@Component
class PublicListDownloads {

    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;
    private static final List<String> ENTERPRISE = List.of("统一社会信用代码", "企业名称", "区划代码", "所在区划", "案件编号");

    private final PublicLists lists;
    private final MessageSource messages;

    PublicListDownloads(PublicLists lists, MessageSource messages) {
        this.lists = lists;
        this.messages = messages;
    }

    String fileName(PublicList list, PublicListQuery q, TableFormat format) {
        String date = list == PublicList.EXITS && q.year() != null ? Integer.toString(q.year()) : q.asOf().toString();
        return label("disclosure.list." + list.slug()) + "-" + date + "." + format.extension();
    }

    void write(PublicList list, PublicListQuery q, TableFormat format, OutputStream out) throws IOException {
        try (TableWriter table = format.open(out, label("disclosure.list." + list.slug()))) {
            switch (list) {
                case YELLOW -> {
                    table.row(header("整改维度", "通知日期", "整改期限", "已延期", "已逾期", "负责部门"));
                    lists.forEachYellow(q, e -> yellow(table, e));
                }
                case RED -> {
                    table.row(header("列入依据", "维度", "列入日期", "文号", "负责部门"));
                    lists.forEachRed(q, e -> red(table, e));
                }
                case EXITS -> {
                    table.row(header("设备编号", "设备类型", "产品", "退出产能", "计量单位", "退出措施", "承诺不再恢复生产",
                            "公告日期", "公告文号"));
                    lists.forEachExit(q, e -> exit(table, e));
                }
                case OVER_LIMIT, SERIOUS_OVER_LIMIT -> {
                    table.row(header("通知日期", "整改期限", "超标排放严重", "认定严重日期", "负责部门"));
                    lists.forEachOverLimit(q, list == PublicList.SERIOUS_OVER_LIMIT, e -> overLimit(table, e));
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private void yellow(TableWriter table, YellowListEntry e) {
        for (YellowListCase c : e.cases()) {
            write(table, enterprise(e.enterprise(), c.caseId(), label("dimension." + c.dimension()), c.noticeDate(),
                    c.deadline(), yesNo(c.extended()), yesNo(c.overdue()), c.departmentName()));
        }
    }

    private void red(TableWriter table, RedListEntry e) {
        for (RedListCase c : e.cases()) {
            write(table, enterprise(e.enterprise(), c.caseId(), label("disclosure.basis." + c.basis()),
                    label("dimension." + c.dimension()), c.since(), c.document(), c.departmentName()));
        }
    }

    private void overLimit(TableWriter table, OverLimitEntry e) {
        for (OverLimitEntry.Case c : e.cases()) {
            write(table, enterprise(e.enterprise(), c.caseId(), c.noticeDate(), c.deadline(), yesNo(c.serious()),
                    c.seriousSince(), c.departmentName()));
        }
    }

    private void exit(TableWriter table, ExitListEntry e) {
        String unit = e.product() == null ? null : Product.valueOf(e.product()).unit();
        write(table, enterprise(e.enterprise(), e.caseId(), e.equipmentCode(),
                e.equipmentType() == null ? null : label("equipmentType." + e.equipmentType()),
                e.product() == null ? null : label("product." + e.product()), e.capacity(), unit, measures(e.measures()),
                yesNo(e.commitment()), e.announcedOn(), e.document()));
    }

    String measures(List<ExitMeasure> measures) {
        return String.join("、", measures.stream().map(m -> label("disclosure.measure." + m)).toList());
    }

    private static List<Object> enterprise(ListedEnterprise e, String caseId, Object... rest) {
        List<Object> row = new ArrayList<>(List.of(e.uscc(), e.name(), e.regionCode(), e.regionName(), caseId));
        row.addAll(Arrays.asList(rest));
        return row;
    }

    private static List<String> header(String... rest) {
        List<String> row = new ArrayList<>(ENTERPRISE);
        row.addAll(List.of(rest));
        return row;
    }

    private String yesNo(boolean b) {
        return b ? "是" : "否";
    }

    private String label(String key) {
        return messages.getMessage(key, null, key, ZH);
    }

    private static void write(TableWriter table, List<?> row) {
        try {
            table.row(row);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
