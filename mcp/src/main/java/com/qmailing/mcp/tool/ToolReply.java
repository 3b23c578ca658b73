package com.qmailing.mcp.tool;

/** What a tool answers: the REST response body (rendered as REST renders it, pretty-printed) or plain text. */
public record ToolReply(Object body, String text) {

    public static ToolReply json(Object body) {
        return new ToolReply(body, null);
    }

    public static ToolReply text(String text) {
        return new ToolReply(null, text);
    }
}
