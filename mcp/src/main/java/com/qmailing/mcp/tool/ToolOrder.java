package com.qmailing.mcp.tool;

import java.util.List;

/**
 * The order of {@code tools/list}: MCP.md's table, row for row. A tool bean whose name is not here
 * fails the start-up; tools beyond the twelve (MCP.md "ext") are appended, never inserted.
 */
final class ToolOrder {

    static final List<String> NAMES = List.of(
            "qmailing_list_mailboxes",
            "qmailing_get_mailbox",
            "qmailing_create_mailbox",
            "qmailing_list_domains",
            "qmailing_get_dns_records",
            "qmailing_list_emails",
            "qmailing_get_email",
            "qmailing_get_attachment",
            "qmailing_send_email",
            "qmailing_register_webhook",
            "qmailing_list_webhooks",
            "qmailing_delete_webhook");

    private ToolOrder() {
    }

    static int positionOf(String name) {
        int position = NAMES.indexOf(name);
        if (position < 0) {
            throw new IllegalStateException("tool " + name + " has no place in ToolOrder.NAMES");
        }
        return position;
    }
}
