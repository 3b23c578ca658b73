package com.qmailing.api.core;

import com.qmailing.api.error.ApiProblem;

import java.util.function.Function;

/** Path ids: a value that is not a UUID cannot name anything, so it is a 404 like an unknown one. */
public final class Ids {

    private Ids() {
    }

    public static <T> T parse(String text, Function<String, T> parser) {
        try {
            return parser.apply(text);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.notFound();
        }
    }
}
