package com.qmailing.app.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The module diagram of ARCHITECTURE.md as a build failure: edges reach the core only through the
 * gateways with shared-events messages; command and query sides never see each other.
 */
class ModuleArrowsTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.qmailing");
    }

    @Test
    void sharedEventsDependOnNothingElseOfOurs() {
        noClasses().that().resideInAPackage("com.qmailing.events..")
                .should().dependOnClassesThat().resideInAnyPackage("com.qmailing.command..", "com.qmailing.query..",
                        "com.qmailing.api..", "com.qmailing.mcp..", "com.qmailing.gateway..", "com.qmailing.app..")
                .check(classes);
    }

    @Test
    void sharedEventsHoldNoFrameworkStateOrPersistence() {
        noClasses().that().resideInAPackage("com.qmailing.events..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.persistence..")
                .check(classes);
    }

    @Test
    void edgesReachTheCoreOnlyThroughMessages() {
        noClasses().that().resideInAnyPackage("com.qmailing.api..", "com.qmailing.mcp..", "com.qmailing.gateway..")
                .should().dependOnClassesThat().resideInAnyPackage("com.qmailing.command..", "com.qmailing.query..")
                .check(classes);
    }

    /** ADR 0005: the agent edge reuses the REST edge's services, so one implementation of the rules serves both. */
    @Test
    void theMcpEdgeMayCallTheRestServicesButRestNeverKnowsMcp() {
        noClasses().that().resideInAPackage("com.qmailing.api..")
                .should().dependOnClassesThat().resideInAPackage("com.qmailing.mcp..")
                .check(classes);
        noClasses().that().resideInAPackage("com.qmailing.mcp..")
                .should().dependOnClassesThat().resideInAnyPackage("com.qmailing.command..", "com.qmailing.query..",
                        "com.qmailing.gateway..", "com.qmailing.app..")
                .check(classes);
    }

    @Test
    void commandAndQuerySidesDoNotKnowEachOther() {
        noClasses().that().resideInAPackage("com.qmailing.command..")
                .should().dependOnClassesThat().resideInAPackage("com.qmailing.query..").check(classes);
        noClasses().that().resideInAPackage("com.qmailing.query..")
                .should().dependOnClassesThat().resideInAPackage("com.qmailing.command..").check(classes);
    }

    @Test
    void theCoreKnowsNoEdge() {
        noClasses().that().resideInAnyPackage("com.qmailing.command..", "com.qmailing.query..")
                .should().dependOnClassesThat().resideInAnyPackage("com.qmailing.api..", "com.qmailing.mcp..",
                        "com.qmailing.gateway..", "com.qmailing.app..")
                .check(classes);
    }
}
