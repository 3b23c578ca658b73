package com.qmailing.api.consistency;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An endpoint (REST handler method) or MCP tool (class) that reads no read model: it need not wait
 * for the caller's earlier writes to reach them ({@link ReadYourWrites}). Creating a mailbox is
 * one: a client creating many in a row waits for none of them.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface ReadsNoProjections {
}
