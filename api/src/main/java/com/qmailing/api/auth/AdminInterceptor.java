package com.qmailing.api.auth;

import com.qmailing.api.error.ApiProblem;
import com.qmailing.events.common.ErrorCode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.HandlerInterceptor;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The operator's admin API: {@code Authorization: Bearer <QMAILING_ADMIN_TOKEN>}, compared in
 * constant time. With no admin token configured the admin API does not exist (404).
 */
public class AdminInterceptor implements HandlerInterceptor {

    private final byte[] adminToken;

    public AdminInterceptor(String adminToken) {
        this.adminToken = adminToken == null || adminToken.isBlank()
                ? null : adminToken.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (adminToken == null) {
            throw new ApiProblem(ErrorCode.NOT_FOUND, "no such path");
        }
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        byte[] presented = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                ? header.substring(7).trim().getBytes(StandardCharsets.UTF_8) : new byte[0];
        if (!MessageDigest.isEqual(adminToken, presented)) {
            throw new ApiProblem(ErrorCode.UNAUTHORIZED, "invalid admin token");
        }
        return true;
    }
}
