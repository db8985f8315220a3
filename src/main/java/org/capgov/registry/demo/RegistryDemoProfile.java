package org.capgov.registry.demo;

import java.util.SplittableRandom;
import org.capgov.shared.Industry;

/**
 * Kinds of demo enterprise: the industry of the register, the share among all enterprises (brick works and
 * coal-fired boilers are numerous, steel and cement medium, aluminium and glass few) and the words that name them.
 * No word is the end of another word of a different profile, which keeps generated names unique.
 */
enum RegistryDemoProfile {
    STEEL_INTEGRATED(Industry.STEEL, 2, "钢铁"),
    STEEL_EAF(Industry.STEEL, 2.5, "特钢", "钢铁"),
    STEEL_ROLLING(Industry.STEEL, 4.5, "钢业", "型钢", "金属制品"),
    STEEL_FOUNDRY(Industry.STEEL, 2, "铸造", "铸钢"),
    COKING(Industry.COKING, 1.5, "焦化", "煤化"),
    FERROALLOY(Industry.FERROALLOY, 2, "铁合金", "锰业", "冶炼"),
    CEMENT_PLANT(Industry.CEMENT, 7, "水泥"),
    CEMENT_GRINDING(Industry.CEMENT, 4, "水泥", "建材"),
    ALUMINIUM(Industry.ALUMINIUM, 1, "铝业", "电解铝"),
    FLAT_GLASS(Industry.FLAT_GLASS, 1.5, "玻璃", "玻璃工业"),
    SHIPYARD(Industry.SHIPBUILDING, 3.5, "船舶", "造船", "船业"),
    COAL_MINE(Industry.COAL, 9, "煤业", "矿业", "煤矿"),
    BRICK(Industry.BRICK_TILE, 28, "页岩砖", "砖瓦", "墙体材料", "新型墙材"),
    HEAT_POWER(Industry.COAL_POWER, 8, "热电", "能源", "供热"),
    CHEMICAL(Industry.CHEMICAL, 6, "化工", "化学"),
    LIME(Industry.OTHER, 4, "石灰", "钙业"),
    FACTORY(Industry.OTHER, 12, "食品", "纸业", "纺织", "酿造", "制药", "陶瓷", "饲料");

    private static final RegistryDemoProfile[] ALL = values();
    private static final double[] CUMULATIVE = new double[ALL.length];

    static {
        double total = 0;
        for (int i = 0; i < ALL.length; i++) {
            total += ALL[i].weight;
            CUMULATIVE[i] = total;
        }
    }

    private final Industry industry;
    private final double weight;
    private final String[] words;

    RegistryDemoProfile(Industry industry, double weight, String... words) {
        this.industry = industry;
        this.weight = weight;
        this.words = words;
    }

    Industry industry() {
        return industry;
    }

    String word(SplittableRandom rng) {
        return words[rng.nextInt(words.length)];
    }

    static RegistryDemoProfile pick(SplittableRandom rng) {
        double x = rng.nextDouble() * CUMULATIVE[CUMULATIVE.length - 1];
        for (int i = 0; i < ALL.length; i++) {
            if (x < CUMULATIVE[i]) {
                return ALL[i];
            }
        }
        return ALL[ALL.length - 1];
    }
}
