package com.qmailing.events.common;

/** The plans of the hosted service; their limits are configuration ({@link PlanCatalog}). */
public enum Plan {
    FREE, PLUS, PRO, PRO_PLUS, PRO_MAX
}
