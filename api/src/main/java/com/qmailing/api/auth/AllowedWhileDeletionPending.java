package com.qmailing.api.auth;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The one kind of endpoint a token of an account whose deletion is pending may still call: the
 * one that cancels the deletion. Every other endpoint answers such a token 401 from the moment the
 * deletion is requested, as the privacy policy promises.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface AllowedWhileDeletionPending {
}
