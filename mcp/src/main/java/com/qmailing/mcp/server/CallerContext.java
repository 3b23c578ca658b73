package com.qmailing.mcp.server;

import com.qmailing.api.auth.Caller;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import jakarta.servlet.http.HttpServletRequest;

import java.util.Map;

/**
 * Carries the authenticated {@link Caller} from the HTTP request that delivered a JSON-RPC message to
 * the tool handling it: a request attribute, then the SDK's per-request transport context. Always the
 * caller of this request, never of the session: a session is not a credential.
 */
final class CallerContext {

    private static final String KEY = Caller.class.getName();

    private CallerContext() {
    }

    static void attach(HttpServletRequest request, Caller caller) {
        request.setAttribute(KEY, caller);
    }

    static McpTransportContext extract(HttpServletRequest request) {
        Object caller = request.getAttribute(KEY);
        return caller == null ? McpTransportContext.EMPTY : McpTransportContext.create(Map.of(KEY, caller));
    }

    static Caller of(McpSyncServerExchange exchange) {
        if (exchange.transportContext().get(KEY) instanceof Caller caller) {
            return caller;
        }
        throw new IllegalStateException("an MCP request reached a tool without an authenticated caller");
    }
}
