package org.capgov.registry.demo;

import java.util.SplittableRandom;

/**
 * Chinese names for demo data: trade names (字号), legal representatives and addresses. A trade name is a bijection
 * of a per-(region, industry) counter, so that names stay unique without remembering them: two characters for
 * the first {@code n²} enterprises of a bucket, three after that.
 */
final class RegistryDemoNames {

    /** Trade-name characters; 示 and 范 are left out so that no name meets the demo enterprise's. */
    private static final int[] TRADE = distinct("宏鑫金华兴盛恒泰隆顺昌达源丰瑞祥永长新中东西天海江川渝巴蜀峰龙凤德福富和嘉佳建聚凯康"
            + "利联明宁鹏平强庆荣三山胜晟世双腾通万旺威伟文信星旭亚扬耀宜益银友远跃云振正志忠众卓安邦宝博诚春大鼎飞广汉豪"
            + "弘虹辉吉锦晶骏坤蓝磊力林茂美启秋仁润森圣拓雄炎怡运泽展智洲");
    private static final int[] SURNAMES = distinct("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田"
            + "董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝"
            + "龚邵万钱严覃武戴莫孔向汤冉");
    private static final int[] GIVEN = distinct("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国志红玉兰文斌辉鹏飞"
            + "宇浩凯波海林峰亮成俊春梅琴云燕荣德福忠永清光远学家庆祥军兵川渝蓉江");
    private static final String[] TOWNS = {"新城", "白沙", "龙桥", "石桥", "青山", "临江", "双河", "桥头", "高峰", "太平",
        "永兴", "三合", "李渡", "白涛", "珞璜", "晏家", "德感", "双桥", "古南", "龙水", "通江", "金山", "河西", "东城",
        "南溪", "北山", "长坝", "马鞍", "清溪", "黄桷"};
    private static final String[] ROADS = {"工业", "兴业", "创新", "滨江", "建设", "发展", "振兴", "长江", "科技", "园区",
        "港城", "冶金", "化工", "龙腾", "聚龙", "鼎盛", "金桥", "开元", "富民", "朝阳"};
    private static final String[] ROAD_KINDS = {"路", "大道", "街", "一路", "二路"};

    private static final long TWO = (long) TRADE.length * TRADE.length;
    static final int TWO_CHARACTER_NAMES = (int) TWO;
    private static final long THREE = TWO * TRADE.length;
    /** Coprime with the sizes of both name spaces (a prime larger than the alphabet), so the scramble is a bijection. */
    private static final long SCRAMBLE = 7919;

    private RegistryDemoNames() {
    }

    /** The {@code k}-th trade name of a bucket (k from 0); distinct for every k below n² + n³. */
    static String tradeName(long k) {
        StringBuilder sb = new StringBuilder(3);
        if (k < TWO) {
            long v = k * SCRAMBLE % TWO;
            sb.appendCodePoint(TRADE[(int) (v / TRADE.length)]).appendCodePoint(TRADE[(int) (v % TRADE.length)]);
        } else if (k < TWO + THREE) {
            long v = (k - TWO) * SCRAMBLE % THREE;
            sb.appendCodePoint(TRADE[(int) (v / TWO)]).appendCodePoint(TRADE[(int) (v / TRADE.length % TRADE.length)])
                    .appendCodePoint(TRADE[(int) (v % TRADE.length)]);
        } else {
            throw new IllegalArgumentException("too many enterprises in one region and industry: " + k);
        }
        return sb.toString();
    }

    static String person(SplittableRandom rng) {
        StringBuilder sb = new StringBuilder(3).appendCodePoint(SURNAMES[rng.nextInt(SURNAMES.length)])
                .appendCodePoint(GIVEN[rng.nextInt(GIVEN.length)]);
        if (rng.nextInt(100) < 70) {
            sb.appendCodePoint(GIVEN[rng.nextInt(GIVEN.length)]);
        }
        return sb.toString();
    }

    static String address(RegistryDemoRegions.Place place, SplittableRandom rng) {
        return place.full() + TOWNS[rng.nextInt(TOWNS.length)] + (rng.nextBoolean() ? "镇" : "街道")
                + ROADS[rng.nextInt(ROADS.length)] + ROAD_KINDS[rng.nextInt(ROAD_KINDS.length)] + (1 + rng.nextInt(399))
                + "号";
    }

    private static int[] distinct(String chars) {
        return chars.codePoints().distinct().toArray();
    }
}
