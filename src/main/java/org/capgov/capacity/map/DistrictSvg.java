package org.capgov.capacity.map;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Draws district outlines as one SVG, each district a link with its own fill and a title that says its name and
 * figure in words (for readers who cannot tell the colours). Longitude is scaled by the cosine of the middle
 * latitude so that the map is not stretched sideways. Pure: the caller gives the fills and the links.
 */
public final class DistrictSvg {

    /** How a district is drawn: fill colour, title text, link target (null: no link). */
    public record Shade(String fill, String title, String href) {
    }

    /** A district's outline under its current region code. */
    public record District(String code, String name, List<List<double[]>> rings) {
    }

    private DistrictSvg() {
    }

    public static String svg(List<District> districts, Map<String, Shade> shades, String noDataFill, int width,
            String label) {
        double minX = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (District d : districts) {
            for (List<double[]> ring : d.rings()) {
                for (double[] p : ring) {
                    minX = Math.min(minX, p[0]);
                    maxX = Math.max(maxX, p[0]);
                    minY = Math.min(minY, p[1]);
                    maxY = Math.max(maxY, p[1]);
                }
            }
        }
        if (minX == Double.MAX_VALUE) {
            return "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\"><title>" + escape(label) + "</title></svg>";
        }
        double cos = Math.cos(Math.toRadians((minY + maxY) / 2));
        double scale = width / ((maxX - minX) * cos);
        int height = (int) Math.ceil((maxY - minY) * scale);
        StringBuilder b = new StringBuilder(64 * 1024);
        // a group, not an image: the districts inside are links, and an image may hold nothing interactive
        b.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"district-map\" role=\"group\" aria-label=\"")
                .append(escape(label)).append("\" viewBox=\"0 0 ")
                .append(width).append(' ').append(height).append("\" width=\"100%\"><title>").append(escape(label))
                .append("</title>");
        for (District d : districts) {
            Shade s = shades.get(d.code());
            String fill = s == null ? noDataFill : s.fill();
            if (s != null && s.href() != null) {
                b.append("<a href=\"").append(escape(s.href())).append("\" aria-label=\"").append(escape(s.title()))
                        .append("\" data-region=\"").append(d.code()).append("\">");
            }
            b.append("<path data-region=\"").append(d.code()).append("\" fill=\"").append(escape(fill))
                    .append("\" stroke=\"#ffffff\" stroke-width=\"0.8\" d=\"");
            for (List<double[]> ring : d.rings()) {
                boolean first = true;
                for (double[] p : ring) {
                    b.append(first ? 'M' : 'L').append(fmt((p[0] - minX) * cos * scale)).append(' ')
                            .append(fmt((maxY - p[1]) * scale));
                    first = false;
                }
                b.append('Z');
            }
            b.append("\"><title>").append(escape(s == null ? d.name() : s.title())).append("</title></path>");
            if (s != null && s.href() != null) {
                b.append("</a>");
            }
        }
        return b.append("</svg>").toString();
    }

    private static String fmt(double d) {
        return String.format(Locale.ROOT, "%.1f", d);
    }

    private static String escape(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
