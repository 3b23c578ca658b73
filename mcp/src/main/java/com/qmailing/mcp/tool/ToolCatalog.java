package com.qmailing.mcp.tool;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.qmailing.api.auth.Caller;
import com.qmailing.api.auth.RateLimiter;
import com.qmailing.api.consistency.ReadYourWrites;
import com.qmailing.api.consistency.ReadsNoProjections;
import com.qmailing.api.error.ApiProblem;
import com.qmailing.api.error.Problems;
import com.qmailing.api.requestlog.RequestLogRecorder;
import com.qmailing.events.common.ErrorCode;
import com.qmailing.events.common.PlanCatalog;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.stereotype.Component;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every {@link McpTool} bean, in {@link ToolOrder}, and the rules around each call, in REST's order:
 * 402 (plan) → 403 (scope) → the FREE allowance (429) → argument types (400) → the wait for the
 * account's earlier writes, as REST waits ({@link ReadYourWrites}) → the tool, whose refusals (404,
 * 400, 409...) come from the services REST shares. Every call is logged as metadata
 * with the tool's name as the endpoint; arguments and results never are.
 */
@Component
public class ToolCatalog {

    private static final Logger log = LoggerFactory.getLogger(ToolCatalog.class);
    private static final int OK = 200;

    private final Map<String, McpTool> tools;
    private final PlanCatalog plans;
    private final FreePlanAllowance allowance;
    private final RequestLogRecorder requestLog;
    private final RateLimiter rateLimiter;
    private final ReadYourWrites readYourWrites;
    private final Set<String> readsNoProjections;
    private final ToolResults results;

    ToolCatalog(List<McpTool> tools, PlanCatalog plans, FreePlanAllowance allowance, RequestLogRecorder requestLog,
                RateLimiter rateLimiter, ReadYourWrites readYourWrites, ObjectMapper json) {
        this.tools = tools.stream()
                .sorted(Comparator.comparingInt(tool -> ToolOrder.positionOf(tool.contract().name())))
                .collect(Collectors.toMap(tool -> tool.contract().name(), Function.identity(), (a, b) -> {
                    throw new IllegalStateException("two tools named " + a.contract().name());
                }, LinkedHashMap::new));
        this.plans = plans;
        this.allowance = allowance;
        this.requestLog = requestLog;
        this.rateLimiter = rateLimiter;
        this.readYourWrites = readYourWrites;
        this.readsNoProjections = tools.stream()
                .filter(tool -> AnnotationUtils.findAnnotation(tool.getClass(), ReadsNoProjections.class) != null)
                .map(tool -> tool.contract().name()).collect(Collectors.toUnmodifiableSet());
        this.results = new ToolResults(json.writer());
    }

    /** What {@code tools/list} shows, in order. */
    public List<McpSchema.Tool> definitions() {
        return tools.values().stream().map(tool -> tool.contract().toMcp()).toList();
    }

    public CallToolResult call(Caller caller, String name, Map<String, Object> arguments) {
        McpTool tool = tools.get(name);
        if (tool == null) {
            throw new IllegalArgumentException("no tool named " + name);
        }
        long started = System.nanoTime();
        int status = OK;
        try {
            admit(caller, tool.contract());
            Arguments checked = tool.contract().input().read(arguments);
            if (!readsNoProjections.contains(name)) {
                readYourWrites.settle(caller.accountId());
            }
            return results.success(tool.contract(), tool.call(caller, checked));
        } catch (RuntimeException failure) {
            ApiProblem problem = Problems.known(failure).orElseGet(() -> {
                log.error("Unexpected failure in MCP tool {}", name, failure);
                return new ApiProblem(ErrorCode.INTERNAL_ERROR, "internal error");
            });
            status = problem.code().status();
            return ToolResults.error(problem);
        } finally {
            requestLog.record(caller, name, status, started);
        }
    }

    private void admit(Caller caller, ToolContract contract) {
        boolean publicApi = plans.of(caller.plan()).publicApi();
        if (!publicApi && !contract.onFreePlan()) {
            throw new ApiProblem(ErrorCode.PLAN_FEATURE_REQUIRED, "the " + caller.plan() + " plan does not include "
                    + contract.name() + "; PLUS and above include every tool");
        }
        caller.requireScope(contract.scope());
        // The same per-account request rate as REST: one allowance, whichever edge spends it.
        rateLimiter.take(caller);
        if (!publicApi) {
            allowance.consume(caller);
        }
    }
}
