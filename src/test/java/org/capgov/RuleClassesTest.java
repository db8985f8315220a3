package org.capgov;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * The rules of the domain are plain Java: the case policies and dates, the validators, the evaluation engine, the
 * parsing of import cells and headers, the credit code. They depend on no Spring type, so that they are tested
 * without a context and read without knowing the framework (see docs/architecture.md).
 */
class RuleClassesTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.capgov");

    @Test
    void ruleClassesDependOnNoSpringType() {
        ArchRule rule = noClasses()
                .that().haveSimpleNameEndingWith("Validator")
                .or().haveSimpleNameEndingWith("Policies")
                .or().haveSimpleNameEndingWith("Dates")
                .or().haveSimpleNameEndingWith("Engine")
                .or().haveFullyQualifiedName("org.capgov.enforcement.Decision")
                .or().haveFullyQualifiedName("org.capgov.enforcement.CaseContext")
                .or().haveFullyQualifiedName("org.capgov.registry.exchange.ImportCells")
                .or().haveFullyQualifiedName("org.capgov.registry.exchange.ImportHeader")
                .or().haveFullyQualifiedName("org.capgov.shared.Uscc")
                .or().haveFullyQualifiedName("org.capgov.pricing.scale.SurchargeRules")
                .or().haveFullyQualifiedName("org.capgov.pricing.scale.PriceScale")
                .or().haveFullyQualifiedName("org.capgov.pricing.watch.WatchRules")
                .or().haveFullyQualifiedName("org.capgov.pricing.scale.GreenPowerRelief")
                .or().haveFullyQualifiedName("org.capgov.shared.SpreadsheetText")
                .or().haveFullyQualifiedName("org.capgov.supervision.Deadline")
                .or().haveFullyQualifiedName("org.capgov.supervision.DepartmentNames")
                .or().haveFullyQualifiedName("org.capgov.telemetry.validity.Averaging")
                .or().haveFullyQualifiedName("org.capgov.telemetry.quality.LoggerWindow")
                .or().haveFullyQualifiedName("org.capgov.telemetry.quality.Runs")
                .or().haveFullyQualifiedName("org.capgov.telemetry.quality.FrozenValuePolicy")
                .or().haveFullyQualifiedName("org.capgov.telemetry.quality.RoundNumberPolicy")
                .or().haveFullyQualifiedName("org.capgov.telemetry.quality.PinnedUnderLimitPolicy")
                .or().haveFullyQualifiedName("org.capgov.telemetry.quality.ImpossibleValuePolicy")
                .or().haveFullyQualifiedName("org.capgov.telemetry.quality.OxygenMissingPolicy")
                .or().haveFullyQualifiedName("org.capgov.telemetry.quality.TimestampPolicy")
                .or().haveFullyQualifiedName("org.capgov.telemetry.quality.MissingDataPolicy")
                .or().haveFullyQualifiedName("org.capgov.telemetry.quality.SilentDuringProductionPolicy")
                .or().haveFullyQualifiedName("org.capgov.telemetry.protocol.Hj212Parser")
                .or().haveFullyQualifiedName("org.capgov.telemetry.protocol.Lenience")
                .or().haveFullyQualifiedName("org.capgov.registry.StatusConsistency")
                .or().haveFullyQualifiedName("org.capgov.web.NavigationGroups")
                .or().haveFullyQualifiedName("org.capgov.audit.SealChain")
                .or().haveFullyQualifiedName("org.capgov.telemetry.protocol.Hjt2005Parser")
                .should().dependOnClassesThat().resideInAPackage("org.springframework..")
                .because("rules are plain Java, tested without a Spring context");
        rule.check(CLASSES);
    }
}
