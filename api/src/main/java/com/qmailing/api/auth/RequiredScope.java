package com.qmailing.api.auth;

import com.qmailing.events.common.Scope;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The scope a token needs for this endpoint. Every endpoint behind token auth declares one. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface RequiredScope {

    Scope value();
}
