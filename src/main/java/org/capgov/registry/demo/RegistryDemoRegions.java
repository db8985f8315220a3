package org.capgov.registry.demo;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.capgov.shared.Industry;

/**
 * Where the demo enterprises are: the seeded regions of V2__region_seed.sql with an industrial weight (most data in
 * 重庆, some in 四川 and 天津), and per industry the regions it is known for. Shipyards only along rivers and the
 * coast, coal mines only in coal fields, aluminium, glass, coking and ferroalloy only where such plants are.
 */
final class RegistryDemoRegions {

    /**
     * One region: {@code full} and {@code shortName} are the two prefixes enterprise names use ("重庆市涪陵区…",
     * "重庆涪陵…"); {@code usccRegion} is the registration authority's code in the USCC (management areas register
     * with a district).
     */
    record Place(String code, String name, String full, String shortName, double weight, String usccRegion) {
    }

    static final List<Place> PLACES = List.of(
            cq("500101", "万州区", "万州", 6), cq("500102", "涪陵区", "涪陵", 8), cq("500103", "渝中区", "渝中", 0.1),
            cq("500104", "大渡口区", "大渡口", 1), cq("500105", "江北区", "江北", 0.5), cq("500106", "沙坪坝区", "沙坪坝", 1),
            cq("500107", "九龙坡区", "九龙坡", 2), cq("500108", "南岸区", "南岸", 1), cq("500109", "北碚区", "北碚", 2),
            cq("500110", "綦江区", "綦江", 6), cq("500111", "大足区", "大足", 3), cq("500112", "渝北区", "渝北", 2),
            cq("500113", "巴南区", "巴南", 2), cq("500114", "黔江区", "黔江", 1), cq("500115", "长寿区", "长寿", 7),
            cq("500116", "江津区", "江津", 7), cq("500117", "合川区", "合川", 5), cq("500118", "永川区", "永川", 5),
            cq("500119", "南川区", "南川", 3), cq("500120", "璧山区", "璧山", 4), cq("500151", "铜梁区", "铜梁", 3),
            cq("500152", "潼南区", "潼南", 2), cq("500153", "荣昌区", "荣昌", 3), cq("500154", "开州区", "开州", 2),
            cq("500155", "梁平区", "梁平", 2), cq("500156", "武隆区", "武隆", 1), cq("500229", "城口县", "城口", 0.5),
            cq("500230", "丰都县", "丰都", 1.5), cq("500231", "垫江县", "垫江", 1.5), cq("500233", "忠县", "忠县", 2),
            cq("500235", "云阳县", "云阳", 1.5), cq("500236", "奉节县", "奉节", 1.5), cq("500237", "巫山县", "巫山", 1),
            cq("500238", "巫溪县", "巫溪", 0.5), cq("500240", "石柱土家族自治县", "石柱", 1),
            cq("500241", "秀山土家族苗族自治县", "秀山", 1.5), cq("500242", "酉阳土家族苗族自治县", "酉阳", 0.5),
            cq("500243", "彭水苗族土家族自治县", "彭水", 0.5),
            new Place("509001", "两江新区", "重庆两江新区", "重庆两江", 4, "500112"),
            new Place("509002", "西部科学城重庆高新区", "重庆高新区", "重庆高新", 1.5, "500106"),
            new Place("509003", "万盛经开区", "重庆市万盛经开区", "重庆万盛", 3, "500110"),
            sc("510100", "成都市", "成都", 2.5), sc("510300", "自贡市", "自贡", 0.5), sc("510400", "攀枝花市", "攀枝花", 2),
            sc("510500", "泸州市", "泸州", 1), sc("510600", "德阳市", "德阳", 1), sc("510700", "绵阳市", "绵阳", 0.8),
            sc("510800", "广元市", "广元", 0.5), sc("510900", "遂宁市", "遂宁", 0.3), sc("511000", "内江市", "内江", 0.5),
            sc("511100", "乐山市", "乐山", 1), sc("511300", "南充市", "南充", 0.5), sc("511400", "眉山市", "眉山", 0.8),
            sc("511500", "宜宾市", "宜宾", 1.5), sc("511600", "广安市", "广安", 1), sc("511700", "达州市", "达州", 1.5),
            sc("511800", "雅安市", "雅安", 0.3), sc("511900", "巴中市", "巴中", 0.2), sc("512000", "资阳市", "资阳", 0.3),
            sc("513200", "阿坝藏族羌族自治州", "阿坝", 0.2), sc("513300", "甘孜藏族自治州", "甘孜", 0.1),
            sc("513400", "凉山彝族自治州", "凉山", 0.6),
            tj("120110", "东丽区", "东丽", 1), tj("120111", "西青区", "西青", 1), tj("120112", "津南区", "津南", 1),
            tj("120113", "北辰区", "北辰", 1), tj("120114", "武清区", "武清", 2), tj("120115", "宝坻区", "宝坻", 1),
            tj("120116", "滨海新区", "滨海", 5), tj("120117", "宁河区", "宁河", 1), tj("120118", "静海区", "静海", 3),
            tj("120119", "蓟州区", "蓟州", 1));

    /**
     * Industry → (region code, multiplier of the region's weight). Regions not listed get the industry's base factor
     * (0 = the industry is found only in the listed regions).
     */
    private static final Map<Industry, Object[]> AFFINITY = new EnumMap<>(Map.ofEntries(
            Map.entry(Industry.SHIPBUILDING, new Object[] {0.0, "500101", 3, "500102", 3, "500116", 3, "120116", 4,
                    "500235", 2, "500233", 2, "500115", 1.5, "500230", 1, "500236", 1, "511500", 1.5, "510500", 1.5}),
            Map.entry(Industry.COAL, new Object[] {0.0, "500110", 4, "500119", 3, "509003", 4, "500118", 2, "500117", 1.5,
                    "500154", 2, "500236", 2, "500229", 2, "500114", 1, "500238", 1.5, "500237", 1, "500116", 1,
                    "511700", 3, "511500", 3, "510400", 3, "511600", 3, "510500", 2, "510800", 1.5, "513400", 1.5,
                    "511000", 1}),
            Map.entry(Industry.ALUMINIUM, new Object[] {0.0, "500119", 3, "500110", 2, "509003", 2, "500101", 1,
                    "510800", 4, "511100", 3, "511400", 3, "513200", 4, "120116", 0.5}),
            Map.entry(Industry.FLAT_GLASS, new Object[] {0.0, "500115", 2, "500116", 2, "500118", 2, "500101", 1,
                    "500102", 1, "510100", 1, "510600", 1.5, "511400", 1.5, "511700", 1, "120116", 2, "120114", 1}),
            Map.entry(Industry.COKING, new Object[] {0.0, "500115", 2, "500110", 2, "509003", 3, "500119", 2,
                    "510400", 3, "511700", 2, "511500", 1, "120116", 1}),
            Map.entry(Industry.FERROALLOY, new Object[] {0.0, "500241", 3, "500229", 4, "500242", 3, "500114", 2,
                    "510400", 3, "511800", 3, "511100", 1, "513400", 3}),
            Map.entry(Industry.STEEL, new Object[] {0.3, "500115", 4, "500102", 2, "500116", 3, "500110", 3,
                    "500104", 2, "500117", 2, "500118", 2, "510400", 6, "510100", 2, "511700", 3, "120116", 3,
                    "120118", 6, "120114", 2, "120117", 1.5}),
            Map.entry(Industry.CEMENT, new Object[] {0.6, "500102", 2, "500101", 2, "500117", 2, "500233", 2,
                    "500236", 2, "500237", 1.5, "500241", 2, "500156", 1.5, "500110", 1.5, "511600", 3, "511500", 3,
                    "511700", 3, "511100", 3, "510700", 2, "510800", 3}),
            Map.entry(Industry.CHEMICAL, new Object[] {0.5, "500115", 5, "500102", 4, "500101", 2, "120116", 4,
                    "510500", 3, "510300", 4, "511700", 2, "511500", 2, "509001", 1}),
            Map.entry(Industry.COAL_POWER, new Object[] {1.0, "500115", 2, "500102", 1.5, "120116", 2})));

    private final Map<Industry, double[]> cumulative = new EnumMap<>(Industry.class);

    RegistryDemoRegions() {
        for (Industry industry : Industry.values()) {
            Object[] affinity = AFFINITY.getOrDefault(industry, new Object[] {1.0});
            double base = ((Number) affinity[0]).doubleValue();
            double[] sums = new double[PLACES.size()];
            double total = 0;
            for (int i = 0; i < PLACES.size(); i++) {
                double factor = base;
                for (int a = 1; a < affinity.length; a += 2) {
                    if (affinity[a].equals(PLACES.get(i).code())) {
                        factor = ((Number) affinity[a + 1]).doubleValue();
                    }
                }
                total += PLACES.get(i).weight() * factor;
                sums[i] = total;
            }
            cumulative.put(industry, sums);
        }
    }

    /** A region for an enterprise of {@code industry}, by weight. */
    int pick(Industry industry, SplittableRandom rng) {
        double[] sums = cumulative.get(industry);
        double x = rng.nextDouble() * sums[sums.length - 1];
        int lo = 0;
        int hi = sums.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sums[mid] > x) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    static int indexOf(String code) {
        for (int i = 0; i < PLACES.size(); i++) {
            if (PLACES.get(i).code().equals(code)) {
                return i;
            }
        }
        throw new IllegalArgumentException(code);
    }

    private static Place cq(String code, String name, String shortName, double weight) {
        return new Place(code, name, "重庆市" + name, "重庆" + shortName, weight, code);
    }

    private static Place sc(String code, String name, String shortName, double weight) {
        return new Place(code, name, "四川省" + name, shortName.length() > 2 ? shortName : "四川" + shortName, weight * 0.9,
                code);
    }

    private static Place tj(String code, String name, String shortName, double weight) {
        return new Place(code, name, "天津市" + name, "天津" + shortName, weight, code);
    }
}
