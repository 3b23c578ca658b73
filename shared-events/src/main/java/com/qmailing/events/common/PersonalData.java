package com.qmailing.events.common;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a field of an event that holds personal data. The event serializer encrypts it under the
 * key of the event's {@link DataSubject}, so deleting that key (crypto-shredding) makes every
 * stored copy unreadable. A shredded field reads back as {@code null}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
public @interface PersonalData {
}
