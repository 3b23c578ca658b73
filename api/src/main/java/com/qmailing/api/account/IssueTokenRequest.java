package com.qmailing.api.account;

import java.time.Instant;
import java.util.List;

public record IssueTokenRequest(String label, List<String> scopes, Instant expiresAt) {
}
