package com.qmailing.api.json;

import com.fasterxml.jackson.databind.AnnotationIntrospector;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The JSON rules of the HTTP edge: unknown fields and wrong types are errors (a typo must not be
 * silently ignored), snake_case aliases for every request field, ISO-8601 timestamps.
 */
@Configuration(proxyBeanMethods = false)
public class ApiJsonConfiguration {

    @Bean
    Jackson2ObjectMapperBuilderCustomizer apiJsonRules() {
        return builder -> builder
                .featuresToEnable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                        DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                        DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .featuresToDisable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS,
                        MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .postConfigurer(ApiJsonConfiguration::apply);
    }

    /**
     * Applied to the finished mapper: the builder hands {@code annotationIntrospector(...)} a null
     * introspector, and a broken mapper makes Spring fall back, silently, to a default one.
     */
    static void apply(ObjectMapper mapper) {
        SnakeCaseAliases aliases = new SnakeCaseAliases();
        mapper.setAnnotationIntrospectors(
                AnnotationIntrospector.pair(mapper.getSerializationConfig().getAnnotationIntrospector(), aliases),
                AnnotationIntrospector.pair(mapper.getDeserializationConfig().getAnnotationIntrospector(), aliases));
        strictScalars(mapper);
    }

    /** {@code "localPart": 123} is a wrong type, not the string "123". */
    static void strictScalars(ObjectMapper mapper) {
        for (CoercionInputShape shape : new CoercionInputShape[]{CoercionInputShape.Integer,
                CoercionInputShape.Float, CoercionInputShape.Boolean}) {
            mapper.coercionConfigFor(LogicalType.Textual).setCoercion(shape, CoercionAction.Fail);
        }
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
    }
}
