package org.capgov.projects.illegal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.capgov.projects.illegal.IllegalProjectRules.Measure.APPLY_FOR_PROCEDURES;
import static org.capgov.projects.illegal.IllegalProjectRules.Measure.DEMOLISH;
import static org.capgov.projects.illegal.IllegalProjectRules.Measure.ELIMINATION_TASK;
import static org.capgov.projects.illegal.IllegalProjectRules.Measure.HALT;
import static org.capgov.projects.illegal.IllegalProjectRules.Measure.NO_START;
import static org.capgov.projects.illegal.IllegalProjectRules.Measure.RECTIFICATION_PLAN;
import static org.capgov.projects.illegal.IllegalProjectRules.Measure.STOP_LENDING;
import static org.capgov.projects.illegal.IllegalProjectRules.Measure.SUPERVISION;

import org.capgov.projects.illegal.IllegalProjectRules.Application;
import org.capgov.projects.illegal.IllegalProjectRules.Outcome;
import org.capgov.projects.illegal.IllegalProjectRules.Procedures;
import org.capgov.projects.illegal.IllegalProjectRules.Stage;
import org.capgov.projects.illegal.IllegalProjectRules.Step;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The classes of seed 003 三、（二） and their measures (readings W1–W3). */
class IllegalProjectRulesTest {

    @ParameterizedTest
    @EnumSource(value = Procedures.class, names = {"COMPLETE", "INCOMPLETE", "REFUSED_BY_STATE"})
    void aProjectNotStartedMayNotStart(Procedures procedures) {
        Outcome o = IllegalProjectRules.outcome(Stage.NOT_STARTED, procedures, false, false);
        assertThat(o.measures()).containsExactly(NO_START);
        assertThat(o.citation()).contains("一律不得开工建设");
    }

    @Test
    void aConcealedProjectUnderConstructionIsHaltedDemolishedAndCutOffFromLoans() {
        for (Procedures p : Procedures.values()) {
            Outcome o = IllegalProjectRules.outcome(Stage.UNDER_CONSTRUCTION, p, true, false);
            assertThat(o.measures()).as(p.name()).containsExactly(HALT, DEMOLISH, STOP_LENDING);
            assertThat(o.citation()).contains("金融机构停止发放贷款");
        }
        // concealment is the seed's ground only for projects under construction
        assertThat(IllegalProjectRules.outcome(Stage.BUILT, Procedures.INCOMPLETE, true, false).measures())
                .doesNotContain(STOP_LENDING, DEMOLISH);
    }

    @Test
    void underConstructionByProcedures() {
        assertThat(IllegalProjectRules.outcome(Stage.UNDER_CONSTRUCTION, Procedures.COMPLETE, false, false).measures())
                .containsExactly(HALT);
        assertThat(IllegalProjectRules.outcome(Stage.UNDER_CONSTRUCTION, Procedures.INCOMPLETE, false, false).measures())
                .containsExactly(HALT, APPLY_FOR_PROCEDURES);
        Outcome refused = IllegalProjectRules.outcome(Stage.UNDER_CONSTRUCTION, Procedures.REFUSED_BY_STATE, false, false);
        assertThat(refused.measures()).containsExactly(HALT);
        assertThat(refused.citation()).contains("不得续建");
        assertThat(IllegalProjectRules.outcome(Stage.UNDER_CONSTRUCTION, Procedures.OBTAINED_BY_STATE, false, false)
                .measures()).containsExactly(SUPERVISION);
    }

    @Test
    void builtByProcedures() {
        Outcome refused = IllegalProjectRules.outcome(Stage.BUILT, Procedures.REFUSED_BY_STATE, false, false);
        assertThat(refused.measures()).containsExactly(HALT, DEMOLISH);
        assertThat(refused.citation()).contains("坚决停建拆除");
        assertThat(IllegalProjectRules.outcome(Stage.BUILT, Procedures.OBTAINED_BY_STATE, false, false).measures())
                .containsExactly(SUPERVISION);
        assertThat(IllegalProjectRules.outcome(Stage.BUILT, Procedures.OBTAINED_BY_STATE, false, true).measures())
                .containsExactly(SUPERVISION, ELIMINATION_TASK);
        assertThat(IllegalProjectRules.outcome(Stage.BUILT, Procedures.INCOMPLETE, false, false).measures())
                .containsExactly(RECTIFICATION_PLAN, APPLY_FOR_PROCEDURES);
        assertThat(IllegalProjectRules.outcome(Stage.BUILT, Procedures.COMPLETE, false, false).measures())
                .containsExactly(RECTIFICATION_PLAN);
    }

    @Test
    void theApplicationGoesDistrictCityState() {
        Outcome may = IllegalProjectRules.outcome(Stage.BUILT, Procedures.INCOMPLETE, false, false);
        assertThat(IllegalProjectRules.next(Application.NONE, Step.CITY_SUBMIT, may)).isNull();
        assertThat(IllegalProjectRules.next(Application.NONE, Step.STATE_RECOGNISE, may)).isNull();
        Application a = IllegalProjectRules.next(Application.NONE, Step.DISTRICT_APPLY, may);
        assertThat(a).isEqualTo(Application.DISTRICT_APPLIED);
        assertThat(IllegalProjectRules.next(a, Step.DISTRICT_APPLY, may)).isNull();
        a = IllegalProjectRules.next(a, Step.CITY_SUBMIT, may);
        assertThat(a).isEqualTo(Application.CITY_SUBMITTED);
        assertThat(IllegalProjectRules.next(a, Step.STATE_REFUSE, may)).isEqualTo(Application.STATE_REFUSED);
        assertThat(IllegalProjectRules.next(a, Step.STATE_RECOGNISE, may)).isEqualTo(Application.STATE_RECOGNISED);
        assertThat(IllegalProjectRules.afterAnswer(Procedures.INCOMPLETE, Application.STATE_REFUSED))
                .isEqualTo(Procedures.REFUSED_BY_STATE);
        assertThat(IllegalProjectRules.afterAnswer(Procedures.INCOMPLETE, Application.STATE_RECOGNISED))
                .isEqualTo(Procedures.OBTAINED_BY_STATE);
        assertThat(IllegalProjectRules.afterAnswer(Procedures.INCOMPLETE, Application.CITY_SUBMITTED))
                .isEqualTo(Procedures.INCOMPLETE);
        // a class that may not apply (not started: 不得开工) has no application
        Outcome noStart = IllegalProjectRules.outcome(Stage.NOT_STARTED, Procedures.INCOMPLETE, false, false);
        assertThat(IllegalProjectRules.next(Application.NONE, Step.DISTRICT_APPLY, noStart)).isNull();
    }

    @Test
    void demolitionIsRecordedOnlyWhereOrdered() {
        Outcome demolish = IllegalProjectRules.outcome(Stage.BUILT, Procedures.REFUSED_BY_STATE, false, false);
        assertThat(IllegalProjectRules.next(Application.STATE_REFUSED, Step.DEMOLISHED, demolish))
                .isEqualTo(Application.STATE_REFUSED);
        Outcome halt = IllegalProjectRules.outcome(Stage.UNDER_CONSTRUCTION, Procedures.COMPLETE, false, false);
        assertThat(IllegalProjectRules.next(Application.NONE, Step.DEMOLISHED, halt)).isNull();
    }
}
