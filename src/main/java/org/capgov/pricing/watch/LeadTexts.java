package org.capgov.pricing.watch;

/** The Chinese sentence for each watch rule in notices (pages use the i18n labels). */
final class LeadTexts {

    private LeadTexts() {
    }

    static String ruleText(String rule) {
        return switch (rule) {
            case "CLOSED_DRAWING" -> "企业已关闭或设备已查封、拆除、断电，但仍在用电";
            case "JUMP" -> "用电量较前 12 个月中位数异常跃升（超过 3 倍绝对中位差）";
            case "INDUCTION_PROFILE" -> "用电负荷呈感应炉特征（持续高负荷），但未登记炼钢设备";
            default -> "用电异常";
        };
    }
}
