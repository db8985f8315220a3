package org.capgov.capacity.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The vendored maps of 四川 (cities and prefectures) and 天津 (districts) matched to the seeded regions. */
class ProvinceMapsTest {

    /** 四川's cities and prefectures as the region seed has them (V2__region_seed.sql). */
    static final Map<String, String> SICHUAN = regions(
            "510100 成都市", "510300 自贡市", "510400 攀枝花市", "510500 泸州市", "510600 德阳市", "510700 绵阳市",
            "510800 广元市", "510900 遂宁市", "511000 内江市", "511100 乐山市", "511300 南充市", "511400 眉山市",
            "511500 宜宾市", "511600 广安市", "511700 达州市", "511800 雅安市", "511900 巴中市", "512000 资阳市",
            "513200 阿坝藏族羌族自治州", "513300 甘孜藏族自治州", "513400 凉山彝族自治州");

    /** 天津's districts as the region seed has them. */
    static final Map<String, String> TIANJIN = regions(
            "120101 和平区", "120102 河东区", "120103 河西区", "120104 南开区", "120105 河北区", "120106 红桥区",
            "120110 东丽区", "120111 西青区", "120112 津南区", "120113 北辰区", "120114 武清区", "120115 宝坻区",
            "120116 滨海新区", "120117 宁河区", "120118 静海区", "120119 蓟州区");

    @Test
    void everyCityAndPrefectureOfSichuanIsDrawnOnceInsideTheProvince() throws IOException {
        // 四川 lies within 97°21'–108°33' E, 26°03'–34°19' N
        assertEveryRegionDrawnOnce("sichuan.json", SICHUAN, 97.3, 108.6, 26.0, 34.4);
    }

    @Test
    void everyDistrictOfTianjinIsDrawnOnceInsideTheMunicipality() throws IOException {
        // 天津 lies within 116°43'–118°04' E, 38°34'–40°15' N
        assertEveryRegionDrawnOnce("tianjin.json", TIANJIN, 116.7, 118.1, 38.5, 40.3);
    }

    @Test
    void formerCountiesOfTianjinFindTheirDistricts() {
        // older outlines name 宁河县, 静海县 and 蓟县; today they are districts with the codes of 2015–2016
        assertThat(DistrictMatch.current("120221", "宁河县", TIANJIN)).isEqualTo("120117");
        assertThat(DistrictMatch.current("120223", "静海县", TIANJIN)).isEqualTo("120118");
        assertThat(DistrictMatch.current("120225", "蓟县", TIANJIN)).isEqualTo("120119");
        assertThat(DistrictMatch.current("513200", "阿坝藏族羌族自治州", SICHUAN)).isEqualTo("513200");
    }

    private static void assertEveryRegionDrawnOnce(String file, Map<String, String> current, double west, double east,
            double south, double north) throws IOException {
        String geo;
        try (InputStream in = ProvinceMapsTest.class.getResourceAsStream("/static/vendor/echarts-4.9.0-maps/" + file)) {
            geo = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Set<String> matched = new TreeSet<>();
        for (GeoShapes.Shape s : GeoShapes.read(geo)) {
            String code = DistrictMatch.current(s.code(), s.name(), current);
            assertThat(code).as(s.name()).isNotNull();
            assertThat(matched.add(code)).as("drawn once: " + code).isTrue();
            assertThat(s.rings()).isNotEmpty();
            for (List<double[]> ring : s.rings()) {
                for (double[] p : ring) {
                    assertThat(p[0]).isBetween(west, east);
                    assertThat(p[1]).isBetween(south, north);
                }
            }
        }
        assertThat(matched).isEqualTo(new TreeSet<>(current.keySet()));
    }

    private static Map<String, String> regions(String... codeAndName) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String s : codeAndName) {
            out.put(s.substring(0, 6), s.substring(7));
        }
        return out;
    }
}
