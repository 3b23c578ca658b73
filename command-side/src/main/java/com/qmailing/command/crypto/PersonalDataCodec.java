package com.qmailing.command.crypto;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.AnnotationIntrospector;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.NopAnnotationIntrospector;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.qmailing.events.common.HasPersonalData;
import com.qmailing.events.common.PersonalData;

import java.io.IOException;
import java.util.Optional;

/**
 * Teaches an {@link ObjectMapper} to seal every {@link PersonalData} field on the way out and to
 * open it on the way in. Events stay plain records in memory; only their stored form is encrypted.
 * A field whose key was shredded reads back as {@code null}.
 */
public final class PersonalDataCodec {

    private PersonalDataCodec() {
    }

    /**
     * @param mapper the mapper of the event serializer; it is changed in place
     * @param plain  a mapper without this codec, for the value inside the ciphertext
     */
    public static ObjectMapper install(ObjectMapper mapper, ObjectMapper plain, FieldCipher cipher) {
        AnnotationIntrospector personal = new NopAnnotationIntrospector() {
            @Override
            public Object findSerializer(Annotated annotated) {
                return annotated.hasAnnotation(PersonalData.class) ? new Sealing(plain, cipher) : null;
            }

            @Override
            public Object findDeserializer(Annotated annotated) {
                return annotated.hasAnnotation(PersonalData.class) ? new Opening(plain, cipher, null) : null;
            }
        };
        mapper.setAnnotationIntrospectors(
                AnnotationIntrospector.pair(personal, mapper.getSerializationConfig().getAnnotationIntrospector()),
                AnnotationIntrospector.pair(personal, mapper.getDeserializationConfig().getAnnotationIntrospector()));
        return mapper;
    }

    private static final class Sealing extends StdSerializer<Object> {

        private final transient ObjectMapper plain;
        private final transient FieldCipher cipher;

        Sealing(ObjectMapper plain, FieldCipher cipher) {
            super(Object.class);
            this.plain = plain;
            this.cipher = cipher;
        }

        @Override
        public void serialize(Object value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            // The enclosing record is the generator's current value while its fields are written.
            if (!(gen.currentValue() instanceof HasPersonalData owner)) {
                throw new IllegalStateException("@PersonalData outside a HasPersonalData event: "
                        + (gen.currentValue() == null ? "null" : gen.currentValue().getClass().getName()));
            }
            gen.writeString(cipher.seal(owner.dataSubject(), plain.writeValueAsBytes(value)));
        }
    }

    private static final class Opening extends StdDeserializer<Object> implements ContextualDeserializer {

        private final transient ObjectMapper plain;
        private final transient FieldCipher cipher;
        private final JavaType type;

        Opening(ObjectMapper plain, FieldCipher cipher, JavaType type) {
            super(Object.class);
            this.plain = plain;
            this.cipher = cipher;
            this.type = type;
        }

        @Override
        public JsonDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property) {
            return new Opening(plain, cipher, property.getType());
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext ctxt) throws IOException {
            if (parser.currentToken() == JsonToken.VALUE_STRING && FieldCipher.isSealed(parser.getText())) {
                Optional<byte[]> opened = cipher.open(parser.getText());
                return opened.isEmpty() ? null : plain.readValue(opened.get(), type);
            }
            // Written before the field was sealed (or by a test): read it as it is.
            return ctxt.readValue(parser, type);
        }
    }
}
