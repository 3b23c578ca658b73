package com.qmailing.api.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.qmailing.api.auth.AdminInterceptor;
import com.qmailing.api.auth.CallerArgumentResolver;
import com.qmailing.api.auth.RateLimiter;
import com.qmailing.api.auth.TokenAuthInterceptor;
import com.qmailing.api.auth.TokenAuthenticator;
import com.qmailing.api.consistency.ReadYourWrites;
import com.qmailing.api.requestlog.RequestLogRecorder;
import com.qmailing.events.common.PlanCatalog;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.Ordered;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class WebConfiguration implements WebMvcConfigurer {

    private final TokenAuthenticator authenticator;
    private final PlanCatalog plans;
    private final RequestLogRecorder requestLog;
    private final RateLimiter rateLimiter;
    private final ReadYourWrites readYourWrites;
    private final String adminToken;

    /**
     * Lazy: Tomcat builds this configuration while it starts, before Axon is configured; resolving
     * the gateways then would tie the web server's start to Axon's in a cycle.
     */
    public WebConfiguration(@Lazy TokenAuthenticator authenticator, PlanCatalog plans,
                            @Lazy RequestLogRecorder requestLog, RateLimiter rateLimiter,
                            @Lazy ReadYourWrites readYourWrites,
                            @Value("${qmailing.admin-token:}") String adminToken) {
        this.authenticator = authenticator;
        this.plans = plans;
        this.requestLog = requestLog;
        this.rateLimiter = rateLimiter;
        this.readYourWrites = readYourWrites;
        this.adminToken = adminToken;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new TokenAuthInterceptor(authenticator, plans, requestLog, rateLimiter, readYourWrites))
                .addPathPatterns("/api/v1/pub/**", "/api/v1/account/**");
        registry.addInterceptor(new AdminInterceptor(adminToken)).addPathPatterns("/api/v1/admin/**");
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new CallerArgumentResolver());
    }

    @Bean
    FilterRegistrationBean<BodyLimitFilter> bodyLimitFilter(ObjectMapper json,
                                                            @Value("${qmailing.max-json-bytes:1048576}") long max) {
        FilterRegistrationBean<BodyLimitFilter> registration = new FilterRegistrationBean<>(
                new BodyLimitFilter(max, json));
        registration.addUrlPatterns("/api/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }
}
