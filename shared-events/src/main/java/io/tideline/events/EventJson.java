package io.tideline.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * The one Jackson configuration for events (and anything else that must read them the same way): ISO-8601 instants,
 * unknown fields ignored, nulls omitted, and big numbers as exact JSON strings.
 *
 * <p>Token amounts (uint256) and prices do not fit a double, and many JSON tools read every number as one, so
 * {@link BigInteger} and {@link BigDecimal} are written as strings; {@code BigDecimal} in plain notation with its scale
 * kept ({@code "1.50"} stays {@code "1.50"}; a negative scale cannot be, so {@code 1E+3} is written {@code "1000"}).
 * Reading accepts strings and JSON numbers, both without a trip through {@code double}.
 */
public final class EventJson {

    private static final ObjectMapper MAPPER = configure(new ObjectMapper());

    private EventJson() {
    }

    /** The shared, fully configured mapper. Do not reconfigure it; configure a new mapper instead. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * Applies the event settings to {@code mapper} (e.g. from a Quarkus {@code ObjectMapperCustomizer}) and returns it.
     */
    public static ObjectMapper configure(ObjectMapper mapper) {
        SimpleModule exactNumbers = new SimpleModule("tideline-exact-numbers")
                .addSerializer(BigInteger.class, new BigIntegerAsString())
                .addSerializer(BigDecimal.class, new BigDecimalAsPlainString())
                .addDeserializer(BigInteger.class, new ExactBigIntegerDeserializer())
                .addDeserializer(BigDecimal.class, new ExactBigDecimalDeserializer());
        return mapper
                .registerModule(new JavaTimeModule())
                .registerModule(exactNumbers)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .setDefaultPropertyInclusion(JsonInclude.Include.NON_NULL)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                // a fraction in an int field is an error, not silently truncated
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                // an absent or null primitive is a missing required field, not 0 or false
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                // a tree keeps "1.50" as 1.50, not 1.5
                .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);
    }

    private static final class BigIntegerAsString extends StdSerializer<BigInteger> {

        BigIntegerAsString() {
            super(BigInteger.class);
        }

        @Override
        public void serialize(BigInteger value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(value.toString());
        }
    }

    private static final class BigDecimalAsPlainString extends StdSerializer<BigDecimal> {

        BigDecimalAsPlainString() {
            super(BigDecimal.class);
        }

        @Override
        public void serialize(BigDecimal value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(value.toPlainString());
        }
    }

    /** Reads a decimal string or an integral JSON number; a fraction is an error rather than being truncated. */
    private static final class ExactBigIntegerDeserializer extends StdScalarDeserializer<BigInteger> {

        ExactBigIntegerDeserializer() {
            super(BigInteger.class);
        }

        @Override
        public BigInteger deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            switch (p.currentToken()) {
                case VALUE_STRING: {
                    String text = p.getText();
                    try {
                        return ExactNumbers.integer(text);
                    } catch (ExactNumbers.InvalidNumberException e) {
                        return (BigInteger) ctxt.handleWeirdStringValue(BigInteger.class,
                                text.length() > 40 ? text.substring(0, 40) + "..." : text, e.getMessage());
                    }
                }
                case VALUE_NUMBER_INT:
                case VALUE_NUMBER_FLOAT: {
                    BigDecimal number = p.getDecimalValue();
                    try {
                        return ExactNumbers.integer(number);
                    } catch (ExactNumbers.InvalidNumberException e) {
                        return (BigInteger) ctxt.handleWeirdNumberValue(BigInteger.class, number, e.getMessage());
                    }
                }
                default:
                    return (BigInteger) ctxt.handleUnexpectedToken(BigInteger.class, p);
            }
        }
    }

    /** Reads a decimal string or a JSON number from its text, keeping the scale. */
    private static final class ExactBigDecimalDeserializer extends StdScalarDeserializer<BigDecimal> {

        ExactBigDecimalDeserializer() {
            super(BigDecimal.class);
        }

        @Override
        public BigDecimal deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            switch (p.currentToken()) {
                case VALUE_STRING: {
                    String text = p.getText();
                    try {
                        return ExactNumbers.decimal(text);
                    } catch (ExactNumbers.InvalidNumberException e) {
                        return (BigDecimal) ctxt.handleWeirdStringValue(BigDecimal.class,
                                text.length() > 40 ? text.substring(0, 40) + "..." : text, e.getMessage());
                    }
                }
                case VALUE_NUMBER_INT:
                case VALUE_NUMBER_FLOAT: {
                    BigDecimal number = p.getDecimalValue();
                    try {
                        return ExactNumbers.bounded(number);
                    } catch (ExactNumbers.InvalidNumberException e) {
                        return (BigDecimal) ctxt.handleWeirdNumberValue(BigDecimal.class, number, e.getMessage());
                    }
                }
                default:
                    return (BigDecimal) ctxt.handleUnexpectedToken(BigDecimal.class, p);
            }
        }
    }
}
