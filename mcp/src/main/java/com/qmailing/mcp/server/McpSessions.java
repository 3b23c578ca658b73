package com.qmailing.mcp.server;

import io.modelcontextprotocol.spec.McpStreamableServerSession;

import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * The MCP sessions still held in memory. The SDK's transport keeps its sessions in a private map and
 * drops them on DELETE, on a failed write, or when its idle sweeper evicts them; this census only
 * watches, through weak references, so it shows whether a closed session's memory can really be
 * reclaimed and never keeps one alive itself. A session becomes uncounted once it is unreachable and
 * collected, so the number can lag a closing by one garbage collection.
 */
public final class McpSessions {

    private final Set<McpStreamableServerSession> held = Collections.synchronizedSet(
            Collections.newSetFromMap(new WeakHashMap<>()));

    void opened(McpStreamableServerSession session) {
        held.add(session);
    }

    /** Sessions opened and not yet collected. */
    public int held() {
        return held.size();
    }
}
