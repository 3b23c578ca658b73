package com.qmailing.api.auth;

import com.qmailing.api.consistency.ReadYourWrites;
import com.qmailing.api.consistency.ReadsNoProjections;
import com.qmailing.api.error.ApiProblem;
import com.qmailing.api.requestlog.RequestLogRecorder;
import com.qmailing.events.common.ErrorCode;
import com.qmailing.events.common.PlanCatalog;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The check order of the API contract, before any request body is read: 401 (token) → 402 (plan)
 * → 403 (scope), then the plan's request rate (429) so an over-eager client costs no more than
 * this check. A request that reads the read models then waits for the account's earlier writes to
 * reach them ({@link ReadYourWrites}). 404 and 400 follow in the handlers. Every authenticated
 * request is then logged as metadata.
 */
public class TokenAuthInterceptor implements HandlerInterceptor {

    public static final String PUBLIC_API = "/api/v1/pub/";
    static final String CALLER = Caller.class.getName();
    static final String STARTED = TokenAuthInterceptor.class.getName() + ".started";

    private final TokenAuthenticator authenticator;
    private final PlanCatalog plans;
    private final RequestLogRecorder requestLog;
    private final RateLimiter rateLimiter;
    private final ReadYourWrites readYourWrites;
    /** Annotations found once per handler method: merged-annotation lookups cost on every request. */
    private final Map<Method, Endpoint> endpoints = new ConcurrentHashMap<>();

    public TokenAuthInterceptor(TokenAuthenticator authenticator, PlanCatalog plans, RequestLogRecorder requestLog,
                                RateLimiter rateLimiter, ReadYourWrites readYourWrites) {
        this.authenticator = authenticator;
        this.plans = plans;
        this.requestLog = requestLog;
        this.rateLimiter = rateLimiter;
        this.readYourWrites = readYourWrites;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        request.setAttribute(STARTED, System.nanoTime());
        Endpoint endpoint = endpoints.computeIfAbsent(method.getMethod(), unused -> Endpoint.of(method));
        Caller caller = authenticator.authenticate(request.getHeader(HttpHeaders.AUTHORIZATION),
                endpoint.allowedWhileDeletionPending());
        request.setAttribute(CALLER, caller);
        if (request.getRequestURI().startsWith(PUBLIC_API) && !plans.of(caller.plan()).publicApi()) {
            throw new ApiProblem(ErrorCode.PLAN_FEATURE_REQUIRED,
                    "the " + caller.plan() + " plan does not include the public API");
        }
        if (endpoint.requiredScope() == null) {
            throw new IllegalStateException("endpoint without @RequiredScope: " + method);
        }
        caller.requireScope(endpoint.requiredScope().value());
        rateLimiter.take(caller);
        if (endpoint.readsProjections()) {
            readYourWrites.settle(caller.accountId());
        }
        return true;
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
                                Exception ex) {
        if (request.getAttribute(CALLER) instanceof Caller caller
                && request.getAttribute(STARTED) instanceof Long started) {
            requestLog.record(caller, request, response.getStatus(), started);
        }
    }

    private record Endpoint(boolean allowedWhileDeletionPending, RequiredScope requiredScope,
                            boolean readsProjections) {

        static Endpoint of(HandlerMethod method) {
            return new Endpoint(method.hasMethodAnnotation(AllowedWhileDeletionPending.class),
                    method.getMethodAnnotation(RequiredScope.class),
                    !method.hasMethodAnnotation(ReadsNoProjections.class));
        }
    }

    /** The caller of the current request, set by {@link #preHandle}. */
    public static Caller callerOf(HttpServletRequest request) {
        Object caller = request.getAttribute(CALLER);
        if (caller instanceof Caller known) {
            return known;
        }
        throw new IllegalStateException("no authenticated caller on this request");
    }
}
