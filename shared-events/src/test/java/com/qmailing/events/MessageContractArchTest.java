package com.qmailing.events;

import com.qmailing.events.common.HasPersonalData;
import com.qmailing.events.common.PersonalData;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.axonframework.serialization.Revision;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The rules every message in {@code shared-events} obeys (house style, habits 1 to 3). */
@AnalyzeClasses(packages = "com.qmailing.events", importOptions = ImportOption.DoNotIncludeTests.class)
class MessageContractArchTest {

    @ArchTest
    static final ArchRule eventsAreRecordsWithARevision = classes()
            .that().haveSimpleNameEndingWith("Event")
            .should().beRecords()
            .andShould().beAnnotatedWith(Revision.class);

    @ArchTest
    static final ArchRule commandsQueriesAndViewsAreRecords = classes()
            .that().haveSimpleNameEndingWith("Command")
            .or().haveSimpleNameEndingWith("Query")
            .or().haveSimpleNameEndingWith("View")
            .should().beRecords();

    @ArchTest
    static final ArchRule messagesDependOnNeitherSpringNorJpa = noClasses()
            .that().resideInAPackage("com.qmailing.events..")
            .should().dependOnClassesThat()
            .resideInAnyPackage("org.springframework..", "jakarta.persistence..", "javax.persistence..");

    /** Without a data subject the serializer has no key to encrypt the personal fields with. */
    @ArchTest
    static final ArchRule eventsWithPersonalDataNameTheirDataSubject = classes()
            .that().haveSimpleNameEndingWith("Event")
            .should(implementHasPersonalDataWhenAComponentIsPersonalData());

    private static ArchCondition<JavaClass> implementHasPersonalDataWhenAComponentIsPersonalData() {
        return new ArchCondition<>("implement HasPersonalData when a record component is @PersonalData") {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                Class<?> type = javaClass.reflect();
                List<String> personal = type.isRecord()
                        ? Arrays.stream(type.getRecordComponents())
                                .filter(component -> component.isAnnotationPresent(PersonalData.class))
                                .map(RecordComponent::getName)
                                .toList()
                        : List.of();
                boolean satisfied = personal.isEmpty() || HasPersonalData.class.isAssignableFrom(type);
                events.add(new SimpleConditionEvent(javaClass, satisfied, javaClass.getName()
                        + (personal.isEmpty() ? " has no @PersonalData component"
                        : " has @PersonalData " + personal + (satisfied ? " and implements" : " but does not implement")
                        + " HasPersonalData")));
            }
        };
    }
}
