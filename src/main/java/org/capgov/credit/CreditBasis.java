package org.capgov.credit;

import java.util.List;
import org.capgov.shared.Dimension;

/** Why a credit record exists, and which measures that ground imposes according to the seeds. */
public enum CreditBasis {

    /**
     * A closure approved by the government (关停, the red list: "经整改仍不达标、已依法关闭"). The seeds attach one
     * restriction to a closure as such: the production licence is withdrawn — seed 001 二(三)1 "对于列入去产能名单、关停的
     * 企业，要及时办理撤销、注销生产许可手续" and task-table row 13 "对因工艺装备落后、环保和能耗不达标被依法关停的企业，注销生产
     * 许可证"; seed 004 二(三)1 refuses licence applications of backward capacity. A SAFETY closure also loses its
     * safety licence: seed 004 二(四) "依法予以关闭，有关部门依法吊销其相关证照". No discharge permit is issued to it: seed 001
     * 二(二)1 "对于被列入去产能名单、关停的企业，不予核发排污许可证". The wider joint sanctions follow only if the exit is then
     * missed, as {@link #EXIT_DEADLINE_MISSED}.
     */
    CLOSURE_BY_LAW(List.of(CreditMeasure.PRODUCTION_LICENCE, CreditMeasure.DISCHARGE_PERMIT)),

    /**
     * An exit not completed by its deadline ("未按期完成落后产能退出的企业"): seed 001 三(八) and row 14 list nine areas of
     * joint sanctions, 三(四) restricts new credit, 三(六) restricts land bidding for the enterprise and its affiliates
     * until the exit is done; seed 004 三(七) repeats the credit-platform entry and sanctions.
     */
    EXIT_DEADLINE_MISSED(List.of(CreditMeasure.values())),

    /**
     * An illegal project under construction that was concealed (隐瞒不报): seed 003 三、（二）2 "立即停建，限期拆除，金融机构
     * 停止发放贷款". The record carries the project's register number in place of a case number and no dimension.
     */
    ILLEGAL_PROJECT(List.of(CreditMeasure.FINANCING));

    private final List<CreditMeasure> measures;

    CreditBasis(List<CreditMeasure> measures) {
        this.measures = List.copyOf(measures);
    }

    /** The measures imposed for a case of {@code dimension}. */
    public List<CreditMeasure> measures(Dimension dimension) {
        if (this == CLOSURE_BY_LAW && dimension == Dimension.SAFETY) {
            return List.of(CreditMeasure.PRODUCTION_LICENCE, CreditMeasure.SAFETY_LICENCE, CreditMeasure.DISCHARGE_PERMIT);
        }
        return measures;
    }
}
