package com.qmailing.mcp.server;

import io.modelcontextprotocol.spec.McpStreamableServerSession;
import io.modelcontextprotocol.spec.McpStreamableServerTransportProvider;
import reactor.core.publisher.Mono;

import java.util.List;

/**
 * The servlet transport as the MCP server sees it, with each new session reported to {@link McpSessions}
 * on the way. Everything else is the SDK's own behaviour.
 */
final class CountedSessionsTransport implements McpStreamableServerTransportProvider {

    private final McpStreamableServerTransportProvider transport;
    private final McpSessions sessions;

    CountedSessionsTransport(McpStreamableServerTransportProvider transport, McpSessions sessions) {
        this.transport = transport;
        this.sessions = sessions;
    }

    @Override
    public void setSessionFactory(McpStreamableServerSession.Factory factory) {
        transport.setSessionFactory(request -> {
            McpStreamableServerSession.McpStreamableServerSessionInit init = factory.startSession(request);
            sessions.opened(init.session());
            return init;
        });
    }

    @Override
    public Mono<Void> notifyClients(String method, Object params) {
        return transport.notifyClients(method, params);
    }

    @Override
    public Mono<Void> notifyClient(String sessionId, String method, Object params) {
        return transport.notifyClient(sessionId, method, params);
    }

    @Override
    public Mono<Void> closeGracefully() {
        return transport.closeGracefully();
    }

    @Override
    public List<String> protocolVersions() {
        return transport.protocolVersions();
    }
}
