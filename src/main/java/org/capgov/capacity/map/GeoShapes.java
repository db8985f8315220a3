package org.capgov.capacity.map;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * District outlines from an ECharts map GeoJSON (features with {@code id}, {@code properties.name} and, when
 * {@code UTF8Encoding} is true, rings compressed as characters: zigzag-encoded deltas from
 * {@code geometry.encodeOffsets}, scaled by 1024, as ECharts decodes them).
 */
public final class GeoShapes {

    private static final double SCALE = 1024.0;

    /** One feature: its code and name as the file has them, and its rings of [longitude, latitude]. */
    public record Shape(String code, String name, List<List<double[]>> rings) {
    }

    private GeoShapes() {
    }

    public static List<Shape> read(String geoJson) {
        JsonNode root = JsonMapper.builder().build().readTree(geoJson);
        boolean encoded = root.path("UTF8Encoding").asBoolean(false);
        List<Shape> out = new ArrayList<>();
        for (JsonNode f : root.path("features")) {
            JsonNode g = f.path("geometry");
            List<List<double[]>> rings = new ArrayList<>();
            JsonNode coordinates = g.path("coordinates");
            JsonNode offsets = g.path("encodeOffsets");
            if ("Polygon".equals(g.path("type").asString())) {
                polygon(coordinates, offsets, encoded, rings);
            } else if ("MultiPolygon".equals(g.path("type").asString())) {
                for (int i = 0; i < coordinates.size(); i++) {
                    polygon(coordinates.get(i), offsets.path(i), encoded, rings);
                }
            }
            out.add(new Shape(f.path("id").asString(), f.path("properties").path("name").asString(), rings));
        }
        return out;
    }

    private static void polygon(JsonNode rings, JsonNode offsets, boolean encoded, List<List<double[]>> out) {
        for (int r = 0; r < rings.size(); r++) {
            JsonNode ring = rings.get(r);
            if (encoded) {
                JsonNode o = offsets.path(r);
                out.add(decode(ring.asString(), o.path(0).asInt(), o.path(1).asInt()));
            } else {
                List<double[]> points = new ArrayList<>();
                ring.forEach(p -> points.add(new double[] {p.get(0).asDouble(), p.get(1).asDouble()}));
                out.add(points);
            }
        }
    }

    /** ECharts' ring decoding: each pair of characters is a zigzag-encoded delta of x and y (code point − 64). */
    static List<double[]> decode(String ring, int offsetX, int offsetY) {
        List<double[]> points = new ArrayList<>(ring.length() / 2);
        int prevX = offsetX;
        int prevY = offsetY;
        for (int i = 0; i + 1 < ring.length(); i += 2) {
            int x = ring.charAt(i) - 64;
            int y = ring.charAt(i + 1) - 64;
            x = (x >> 1) ^ -(x & 1);
            y = (y >> 1) ^ -(y & 1);
            x += prevX;
            y += prevY;
            prevX = x;
            prevY = y;
            points.add(new double[] {x / SCALE, y / SCALE});
        }
        return points;
    }
}
