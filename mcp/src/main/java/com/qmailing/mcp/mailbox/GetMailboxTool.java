package com.qmailing.mcp.mailbox;

import com.qmailing.api.auth.Caller;
import com.qmailing.api.mailbox.Mailboxes;
import com.qmailing.events.common.Scope;
import com.qmailing.mcp.tool.Arguments;
import com.qmailing.mcp.tool.InputSchema;
import com.qmailing.mcp.tool.McpTool;
import com.qmailing.mcp.tool.Property;
import com.qmailing.mcp.tool.ToolContract;
import com.qmailing.mcp.tool.ToolContract.Effect;
import com.qmailing.mcp.tool.ToolReply;
import org.springframework.stereotype.Component;

/** {@code GET /mailboxes/{id}}. */
@Component
class GetMailboxTool extends McpTool {

    private static final ToolContract CONTRACT = ToolContract.tool("qmailing_get_mailbox")
            .title("Get mailbox by ID")
            .description("""
                    Get one mailbox by its id: address, display name, forwarding, status, email and unread \
                    counts, size. Use it to check a mailbox's counters before listing its mail. An unknown id, \
                    or another account's, answers 404. Cost: one API call, no quota used (on the FREE plan, \
                    one of its 25 tool calls per UTC day). Needs the mailboxes:read scope.""")
            .effect(Effect.READ_ONLY)
            .scope(Scope.MAILBOXES_READ)
            .onFreePlan()
            .input(InputSchema.of(
                    Property.string("id", "The mailbox id (a UUID, as qmailing_list_mailboxes shows it).")
                            .required()))
            .build();

    private final Mailboxes mailboxes;

    GetMailboxTool(Mailboxes mailboxes) {
        super(CONTRACT);
        this.mailboxes = mailboxes;
    }

    @Override
    public ToolReply call(Caller caller, Arguments arguments) {
        return ToolReply.json(mailboxes.get(caller, arguments.string("id")));
    }
}
