package com.qmailing.events.common;

/**
 * What one plan allows.
 *
 * @param publicApi         whether the public REST API and all MCP tools may be used at all
 * @param mailboxes         mailboxes an account may hold
 * @param storageBytes      bytes of stored mail
 * @param dailySends        messages sent per UTC day
 * @param customDomains     custom domains
 * @param webhookEndpoints  active webhook endpoints
 * @param requestsPerMinute API requests per minute and account
 */
public record PlanLimits(boolean publicApi, int mailboxes, long storageBytes, int dailySends, int customDomains,
                         int webhookEndpoints, int requestsPerMinute) {
}
