package com.qmailing.query.support;

import com.qmailing.events.consistency.ReadModel;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class ProjectionGroupsTest {

    /** An edge can wait for exactly the projections there are: none missing, none it cannot name. */
    @Test
    void everyReadModelIsOneProjectionGroupAndEveryGroupAReadModel() {
        String[] groups = Arrays.stream(ProjectionGroups.class.getFields())
                .filter(field -> Modifier.isStatic(field.getModifiers()) && field.getType() == String.class)
                .filter(field -> !field.getName().equals("PREFIX"))
                .map(ProjectionGroupsTest::value).toArray(String[]::new);

        assertThat(Arrays.stream(ReadModel.values()).map(ProjectionGroups::of)).containsExactlyInAnyOrder(groups);
    }

    private static String value(Field field) {
        try {
            return (String) field.get(null);
        } catch (IllegalAccessException e) {
            throw new AssertionError(e);
        }
    }
}
