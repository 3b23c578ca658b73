package com.qmailing.mcp.tool;

import com.qmailing.api.auth.Caller;

/**
 * One MCP tool: a Spring bean with its {@link ToolContract} and a call that goes through the same
 * service REST uses. Plan, scope, argument types, the daily allowance, error rendering and the
 * request log are done around it by {@link ToolCatalog}; a tool only maps arguments to a service call.
 */
public abstract class McpTool {

    private final ToolContract contract;

    protected McpTool(ToolContract contract) {
        this.contract = contract;
    }

    public final ToolContract contract() {
        return contract;
    }

    /**
     * @param arguments already checked against {@link ToolContract#input()}
     * @throws com.qmailing.api.error.ApiProblem (or a business rule from the core) to refuse, exactly as REST
     */
    public abstract ToolReply call(Caller caller, Arguments arguments);
}
