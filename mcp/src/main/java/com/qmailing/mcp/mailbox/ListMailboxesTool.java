package com.qmailing.mcp.mailbox;

import com.qmailing.api.auth.Caller;
import com.qmailing.api.mailbox.Mailboxes;
import com.qmailing.events.common.Scope;
import com.qmailing.mcp.tool.Arguments;
import com.qmailing.mcp.tool.McpTool;
import com.qmailing.mcp.tool.ToolContract;
import com.qmailing.mcp.tool.ToolContract.Effect;
import com.qmailing.mcp.tool.ToolReply;
import org.springframework.stereotype.Component;

/** {@code GET /mailboxes}. */
@Component
class ListMailboxesTool extends McpTool {

    private static final ToolContract CONTRACT = ToolContract.tool("qmailing_list_mailboxes")
            .title("List mailboxes")
            .description("""
                    List every mailbox of the account: id, address, display name, forwarding, status, \
                    email and unread counts, size. Start here to find the mailboxId other tools take. \
                    Cost: one API call, no quota used (on the FREE plan, one of its 25 tool calls per UTC day). \
                    Needs the mailboxes:read scope.""")
            .effect(Effect.READ_ONLY)
            .scope(Scope.MAILBOXES_READ)
            .onFreePlan()
            .build();

    private final Mailboxes mailboxes;

    ListMailboxesTool(Mailboxes mailboxes) {
        super(CONTRACT);
        this.mailboxes = mailboxes;
    }

    @Override
    public ToolReply call(Caller caller, Arguments arguments) {
        return ToolReply.json(mailboxes.list(caller));
    }
}
