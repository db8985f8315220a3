package org.capgov.telemetry.web;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * A small line chart drawn as inline SVG: the values of one factor over a time span, points whose flag is not N
 * marked apart, and the limit as a dashed line. Coordinates are computed here; the template only draws them.
 */
record Chart(String factor, String title, String unit, int width, int height, String line, List<Mark> excluded,
        Double limitY, String limitText, String yMax, String yMin, String from, String to, int count,
        String highlightX, String highlightWidth) {

    static final int W = 640;
    static final int H = 180;
    static final int PAD = 8;

    /** A point with a flag other than N, drawn as a red circle. */
    record Mark(String x, String y, String flag) {
    }

    static Chart of(String factor, String title, String unit, List<TelemetryPageRepository.Point> points,
            LocalDateTime from, LocalDateTime to, Double limit, LocalDateTime highlightFrom, LocalDateTime highlightTo) {
        double max = limit == null ? 0 : limit * 1.1;
        double min = 0;
        for (TelemetryPageRepository.Point p : points) {
            if (p.value() != null) {
                max = Math.max(max, p.value());
                min = Math.min(min, p.value());
            }
        }
        if (max <= min) {
            max = min + 1;
        }
        double span = Duration.between(from, to).toSeconds();
        StringBuilder line = new StringBuilder();
        List<Mark> marks = new ArrayList<>();
        for (TelemetryPageRepository.Point p : points) {
            if (p.value() == null) {
                continue;
            }
            String x = n(PAD + (W - 2 * PAD) * Duration.between(from, p.time()).toSeconds() / span);
            String y = n(y(p.value(), min, max));
            line.append(line.isEmpty() ? "" : " ").append(x).append(',').append(y);
            if (!"N".equals(p.flag())) {
                marks.add(new Mark(x, y, p.flag() == null ? "-" : p.flag()));
            }
        }
        String hx = null;
        String hw = null;
        if (highlightFrom != null) {
            double a = PAD + (W - 2 * PAD) * Duration.between(from, highlightFrom).toSeconds() / span;
            double b = PAD + (W - 2 * PAD) * Duration.between(from, highlightTo).toSeconds() / span;
            hx = n(a);
            hw = n(Math.max(2, b - a));
        }
        return new Chart(factor, title, unit, W, H, line.toString(), marks, limit == null ? null : y(limit, min, max),
                limit == null ? null : text(limit), text(max), text(min), from.toString().replace('T', ' '),
                to.toString().replace('T', ' '), points.size(), hx, hw);
    }

    private static double y(double v, double min, double max) {
        return PAD + (H - 2 * PAD) * (1 - (v - min) / (max - min));
    }

    private static String n(double v) {
        return BigDecimal.valueOf(v).setScale(1, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    private static String text(double v) {
        return new BigDecimal(v, new MathContext(4)).stripTrailingZeros().toPlainString();
    }
}
