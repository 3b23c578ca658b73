package com.qmailing.mcp.tool;

import com.qmailing.events.common.Scope;
import io.modelcontextprotocol.spec.McpSchema;

import java.util.Objects;

/**
 * The fixed facts of a tool (MCP.md): name, title, hints, scope, input schema, plus what it costs
 * and whether its result carries content written by strangers.
 *
 * @param onFreePlan       whether plans without the public API (FREE) may call it, within their daily allowance
 * @param untrustedContent whether the result holds email content, sent in the untrusted-content envelope
 */
public record ToolContract(String name, String title, String description, Effect effect, Scope scope,
                           boolean onFreePlan, boolean untrustedContent, InputSchema input) {

    /** The annotation hints of MCP.md's table. */
    public enum Effect {
        READ_ONLY, DESTRUCTIVE, DESTRUCTIVE_IDEMPOTENT
    }

    public ToolContract {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(effect, "effect");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(input, "input");
    }

    public static Builder tool(String name) {
        return new Builder(name);
    }

    McpSchema.Tool toMcp() {
        boolean readOnly = effect == Effect.READ_ONLY;
        McpSchema.ToolAnnotations annotations = new McpSchema.ToolAnnotations(title, readOnly ? true : null,
                readOnly ? null : true, readOnly ? null : effect == Effect.DESTRUCTIVE_IDEMPOTENT, true, null);
        return McpSchema.Tool.builder().name(name).title(title).description(description)
                .inputSchema(input.toJson()).annotations(annotations).build();
    }

    public static final class Builder {

        private final String name;
        private String title;
        private String description;
        private Effect effect;
        private Scope scope;
        private boolean onFreePlan;
        private boolean untrustedContent;
        private InputSchema input = InputSchema.none();

        private Builder(String name) {
            this.name = name;
        }

        public Builder title(String title) {
            this.title = title;
            return this;
        }

        /** Written for an agent: when to use the tool, what it costs, what it returns. */
        public Builder description(String description) {
            this.description = description;
            return this;
        }

        public Builder effect(Effect effect) {
            this.effect = effect;
            return this;
        }

        public Builder scope(Scope scope) {
            this.scope = scope;
            return this;
        }

        public Builder onFreePlan() {
            this.onFreePlan = true;
            return this;
        }

        public Builder untrustedContent() {
            this.untrustedContent = true;
            return this;
        }

        public Builder input(InputSchema input) {
            this.input = input;
            return this;
        }

        public ToolContract build() {
            return new ToolContract(name, title, description, effect, scope, onFreePlan, untrustedContent, input);
        }
    }
}
