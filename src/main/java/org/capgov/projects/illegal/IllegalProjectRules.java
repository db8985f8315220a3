package org.capgov.projects.illegal;

import java.util.ArrayList;
import java.util.List;

/**
 * The classes of illegal projects and what seed 003 三、（二） prescribes for each (readings W1–W4 in
 * docs/decisions/illegal-project-readings.md): 2 "分类处理违规在建项目" and 3 "区别对待违规建成项目". Pure: no storage, no
 * clock.
 */
public final class IllegalProjectRules {

    /** How far the project had got when it was found. */
    public enum Stage {
        /** 未开工 */
        NOT_STARTED,
        /** 在建 */
        UNDER_CONSTRUCTION,
        /** 建成 */
        BUILT
    }

    /** The state of its procedures (land, planning, energy review, EIA, investment approval). */
    public enum Procedures {
        /** 手续齐全: on the register because it breaks industrial policy, access conditions or environmental rules */
        COMPLETE,
        /** 手续不全 */
        INCOMPLETE,
        /** 国家不予补办 (不予认定) */
        REFUSED_BY_STATE,
        /** 取得国家补办手续 */
        OBTAINED_BY_STATE
    }

    /** What is ordered. */
    public enum Measure {
        /** 一律不得开工建设 */
        NO_START,
        /** 停建（不得续建） */
        HALT,
        /** 限期拆除 */
        DEMOLISH,
        /** 金融机构停止发放贷款 */
        STOP_LENDING,
        /** 申请补办相关手续（区县 → 市 → 国家） */
        APPLY_FOR_PROCEDURES,
        /** 提出整顿方案，向社会公示后报国家有关部门备案 */
        RECTIFICATION_PLAN,
        /** 列入淘汰落后年度任务 */
        ELIMINATION_TASK,
        /** 取得补办：行业规范和准入管理、监督检查 */
        SUPERVISION
    }

    /** The 补办 application, routed 区县人民政府和市级主管单位 → 市人民政府 → 国家有关部门. */
    public enum Application {
        NONE, DISTRICT_APPLIED, CITY_SUBMITTED, STATE_RECOGNISED, STATE_REFUSED
    }

    /** A step of the application or of the demolition. */
    public enum Step {
        /** 区县人民政府和市级主管单位提出申请报告 */
        DISTRICT_APPLY,
        /** 市人民政府报国家有关部门 */
        CITY_SUBMIT,
        /** 国家认定，取得补办手续 */
        STATE_RECOGNISE,
        /** 国家不予补办 */
        STATE_REFUSE,
        /** 拆除完成 */
        DEMOLISHED
    }

    /** The measures and the sentence of the seed they rest on. */
    public record Outcome(List<Measure> measures, String citation) {
        public boolean has(Measure m) {
            return measures.contains(m);
        }
    }

    static final String SEED = "种子 003 三、（二）";

    private IllegalProjectRules() {
    }

    /**
     * The outcome of a class. {@code concealed}: 隐瞒不报, found by inspection (only for projects under construction,
     * as the seed says); {@code backward}: 工艺装备落后、产品质量不合格、能耗及排放不达标 (only for built projects that
     * obtained their procedures).
     */
    public static Outcome outcome(Stage stage, Procedures procedures, boolean concealed, boolean backward) {
        List<Measure> m = new ArrayList<>();
        String citation;
        switch (stage) {
            case NOT_STARTED -> {
                if (procedures == Procedures.OBTAINED_BY_STATE) {
                    m.add(Measure.SUPERVISION);
                    citation = SEED + "3 取得国家补办手续的项目：加强行业规范和准入管理";
                } else {
                    m.add(Measure.NO_START);
                    citation = SEED + "2 \"凡是未开工的违规项目，一律不得开工建设\"";
                }
            }
            case UNDER_CONSTRUCTION -> {
                if (concealed) {
                    m.addAll(List.of(Measure.HALT, Measure.DEMOLISH, Measure.STOP_LENDING));
                    citation = SEED + "2 \"对隐瞒不报在建违规项目，一经查实，立即停建，限期拆除，金融机构停止发放贷款\"";
                } else {
                    switch (procedures) {
                        case COMPLETE -> {
                            m.add(Measure.HALT);
                            citation = SEED + "2 \"凡是不符合产业政策、准入标准、环保要求的违规项目一律停建\"";
                        }
                        case INCOMPLETE -> {
                            m.addAll(List.of(Measure.HALT, Measure.APPLY_FOR_PROCEDURES));
                            citation = SEED + "2 确有必要建设的项目 \"由区县人民政府和市级主管单位提出申请报告，报市人民政府，"
                                    + "由市人民政府报国家有关部门，申请补办相关手续\"";
                        }
                        case REFUSED_BY_STATE -> {
                            m.add(Measure.HALT);
                            citation = SEED + "2 \"凡国家未予认定的在建违规项目一律不得续建，由区县人民政府和市级主管单位自行妥善处理\"";
                        }
                        default -> {
                            m.add(Measure.SUPERVISION);
                            citation = SEED + "3 取得国家补办手续的项目：加强行业规范和准入管理";
                        }
                    }
                }
            }
            default -> {
                switch (procedures) {
                    case REFUSED_BY_STATE -> {
                        m.addAll(List.of(Measure.HALT, Measure.DEMOLISH));
                        citation = SEED + "3 国家不予补办相关手续的项目 \"坚决停建拆除…并将处理结果向社会公开\"";
                    }
                    case OBTAINED_BY_STATE -> {
                        m.add(Measure.SUPERVISION);
                        if (backward) {
                            m.add(Measure.ELIMINATION_TASK);
                        }
                        citation = SEED + "3 取得国家补办手续的项目 \"对工艺装备落后、产品质量不合格、能耗及排放不达标的项目，"
                                + "列入淘汰落后年度任务加快淘汰\"";
                    }
                    case INCOMPLETE -> {
                        m.addAll(List.of(Measure.RECTIFICATION_PLAN, Measure.APPLY_FOR_PROCEDURES));
                        citation = SEED + "1 清理违规建成项目 \"提出整顿方案并向社会公示后，由市人民政府报国家有关部门备案\"";
                    }
                    default -> {
                        m.add(Measure.RECTIFICATION_PLAN);
                        citation = SEED + "1 清理违规建成项目 \"提出整顿方案并向社会公示后，由市人民政府报国家有关部门备案\"";
                    }
                }
            }
        }
        return new Outcome(List.copyOf(m), citation);
    }

    /**
     * The application state after {@code step}, or null when the step is not open: an application only where the
     * outcome allows one, each level after the one below it, the state's answer once the city has submitted.
     */
    public static Application next(Application current, Step step, Outcome outcome) {
        return switch (step) {
            case DISTRICT_APPLY -> current == Application.NONE && outcome.has(Measure.APPLY_FOR_PROCEDURES)
                    ? Application.DISTRICT_APPLIED : null;
            case CITY_SUBMIT -> current == Application.DISTRICT_APPLIED ? Application.CITY_SUBMITTED : null;
            case STATE_RECOGNISE -> current == Application.CITY_SUBMITTED ? Application.STATE_RECOGNISED : null;
            case STATE_REFUSE -> current == Application.CITY_SUBMITTED ? Application.STATE_REFUSED : null;
            case DEMOLISHED -> outcome.has(Measure.DEMOLISH) ? current : null;
        };
    }

    /** The procedures after the state's answer; unchanged otherwise. */
    public static Procedures afterAnswer(Procedures before, Application application) {
        return switch (application) {
            case STATE_RECOGNISED -> Procedures.OBTAINED_BY_STATE;
            case STATE_REFUSED -> Procedures.REFUSED_BY_STATE;
            default -> before;
        };
    }
}
