package org.capgov.credit;

/**
 * The restrictions a credit record can impose, in the words of seed 001 三(八) (and its task-table row 14): "在土地供应、
 * 资金支持、税收管理、生产许可、安全许可、债券发行、融资授信、政府采购、公共工程建设项目招标等方面，依法依规实施联合惩戒和信用约束",
 * plus the land-bidding restriction of 三(六) ("限制该企业及其关联企业参与新的土地竞买活动"), the only one that extends to
 * registered affiliates, and the discharge permit of seed 001 二、(二)1 ("对于被列入去产能名单、关停的企业，不予核发排污许可证"), which
 * the environment department checks before issuing a permit.
 */
public enum CreditMeasure {
    /** 土地供应 */
    LAND_SUPPLY,
    /** 资金支持 */
    FUNDING,
    /** 税收管理 (the 2020 text says 税后管理) */
    TAX,
    /** 生产许可 */
    PRODUCTION_LICENCE,
    /** 安全许可 */
    SAFETY_LICENCE,
    /** 债券发行 */
    BOND_ISSUE,
    /** 融资授信; also 三(四) "严控新增授信，压缩退出存量贷款" */
    FINANCING,
    /** 政府采购 */
    PROCUREMENT,
    /** 公共工程建设项目招标 / 投标 */
    BIDDING,
    /** 土地竞买, extended to affiliates (三(六)) */
    LAND_BIDDING,
    /** 排污许可证核发 (seed 001 二、(二)1) */
    DISCHARGE_PERMIT;

    /** Whether the restriction also binds the sanctioned enterprise's registered affiliates. */
    public boolean extendsToAffiliates() {
        return this == LAND_BIDDING;
    }
}
