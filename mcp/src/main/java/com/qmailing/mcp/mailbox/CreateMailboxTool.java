package com.qmailing.mcp.mailbox;

import com.qmailing.api.auth.Caller;
import com.qmailing.api.consistency.ReadsNoProjections;
import com.qmailing.api.mailbox.CreateMailboxRequest;
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

/** {@code POST /mailboxes}. */
@Component
@ReadsNoProjections
class CreateMailboxTool extends McpTool {

    private static final ToolContract CONTRACT = ToolContract.tool("qmailing_create_mailbox")
            .title("Create a mailbox")
            .description("""
                    Create a new mailbox that receives real email at localPart@domain, and return it. \
                    Use it when a task needs a fresh address (sign-ups, tests, a contact point); reuse an \
                    existing mailbox when one fits. Not idempotent: calling it twice with the same address \
                    answers 409. Cost: one mailbox of the plan's mailbox quota (402 MailboxQuotaExceeded \
                    when it is full); not available on the FREE plan. Needs the mailboxes:write scope.""")
            .effect(Effect.DESTRUCTIVE)
            .scope(Scope.MAILBOXES_WRITE)
            .input(InputSchema.of(
                    Property.string("localPart", "The part before @: 1-64 letters, digits, '.', '-' or '_'; "
                            + "matched case-insensitively.").required().with("minLength", 1).with("maxLength", 64),
                    Property.string("domain", "A fully verified custom domain of the account; "
                            + "omit it for the instance's primary domain."),
                    Property.string("displayName", "The name shown with the address.").with("maxLength", 255),
                    Property.string("forwardTo", "An address that receives a copy of every email.")
                            .with("maxLength", 320)))
            .build();

    private final Mailboxes mailboxes;

    CreateMailboxTool(Mailboxes mailboxes) {
        super(CONTRACT);
        this.mailboxes = mailboxes;
    }

    @Override
    public ToolReply call(Caller caller, Arguments arguments) {
        return ToolReply.json(mailboxes.create(caller, new CreateMailboxRequest(arguments.string("localPart"),
                arguments.string("domain"), arguments.string("displayName"), arguments.string("forwardTo"), null)));
    }
}
