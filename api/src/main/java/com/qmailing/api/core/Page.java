package com.qmailing.api.core;

import com.qmailing.api.error.ApiProblem;

/** {@code offset} ≥ 0 and {@code limit} 1–100 (default 25), as every paged list of the API takes them. */
public record Page(int offset, int limit) {

    public static final int DEFAULT_LIMIT = 25;
    public static final int MAX_LIMIT = 100;

    public static Page of(Integer offset, Integer limit) {
        int o = offset == null ? 0 : offset;
        int l = limit == null ? DEFAULT_LIMIT : limit;
        if (o < 0) {
            throw ApiProblem.invalid("offset", "must be 0 or more");
        }
        if (l < 1 || l > MAX_LIMIT) {
            throw ApiProblem.invalid("limit", "must be between 1 and " + MAX_LIMIT);
        }
        return new Page(o, l);
    }
}
