package org.capgov.capacity.page;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * A small inline SVG line of a target's values over time, with the goal as a dashed line. Points without a value
 * (no data) leave a gap. Pure: the page embeds the markup it returns. Numbers are written with a dot whatever the
 * locale, and the title carries the values as text for readers who cannot see the line.
 */
final class Sparkline {

    static final int WIDTH = 120;
    static final int HEIGHT = 28;
    private static final int PAD = 3;

    private Sparkline() {
    }

    /** The SVG of {@code values} (nulls for no data) with {@code goal}; {@code title} is escaped. */
    static String svg(List<BigDecimal> values, BigDecimal goal, String title) {
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (BigDecimal v : values) {
            if (v != null) {
                min = Math.min(min, v.doubleValue());
                max = Math.max(max, v.doubleValue());
            }
        }
        if (goal != null) {
            min = Math.min(min, goal.doubleValue());
            max = Math.max(max, goal.doubleValue());
        }
        StringBuilder b = new StringBuilder(256);
        b.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"sparkline\" role=\"img\" width=\"").append(WIDTH)
                .append("\" height=\"").append(HEIGHT).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ')
                .append(HEIGHT).append("\"><title>").append(escape(title)).append("</title>");
        if (min == Double.MAX_VALUE) {
            return b.append("</svg>").toString();
        }
        double span = max - min == 0 ? 1 : max - min;
        if (goal != null) {
            String y = fmt(y(goal.doubleValue(), min, span));
            b.append("<line x1=\"0\" x2=\"").append(WIDTH).append("\" y1=\"").append(y).append("\" y2=\"").append(y)
                    .append("\" stroke=\"#6c757d\" stroke-dasharray=\"2 2\" stroke-width=\"1\"/>");
        }
        StringBuilder path = new StringBuilder();
        boolean pen = false;
        int n = values.size();
        for (int i = 0; i < n; i++) {
            BigDecimal v = values.get(i);
            if (v == null) {
                pen = false;
                continue;
            }
            double x = n == 1 ? WIDTH / 2.0 : PAD + i * (WIDTH - 2.0 * PAD) / (n - 1);
            path.append(pen ? " L" : " M").append(fmt(x)).append(' ').append(fmt(y(v.doubleValue(), min, span)));
            pen = true;
        }
        b.append("<path d=\"").append(path.toString().strip()).append("\" fill=\"none\" stroke=\"#0d6efd\" stroke-width=\"1.5\"/>");
        for (int i = n - 1; i >= 0; i--) {
            if (values.get(i) != null) {
                double x = n == 1 ? WIDTH / 2.0 : PAD + i * (WIDTH - 2.0 * PAD) / (n - 1);
                b.append("<circle cx=\"").append(fmt(x)).append("\" cy=\"")
                        .append(fmt(y(values.get(i).doubleValue(), min, span))).append("\" r=\"2\" fill=\"#0d6efd\"/>");
                break;
            }
        }
        return b.append("</svg>").toString();
    }

    private static double y(double v, double min, double span) {
        return HEIGHT - PAD - (v - min) / span * (HEIGHT - 2.0 * PAD);
    }

    private static String fmt(double d) {
        return String.format(Locale.ROOT, "%.1f", d);
    }

    static String escape(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
