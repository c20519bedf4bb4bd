package io.tideline.service.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import io.tideline.events.EventJson;
import jakarta.inject.Singleton;

/**
 * Gives the HTTP layer the same JSON rules as the events: exact amounts as strings, ISO-8601 instants.
 */
@Singleton
public class EventJsonCustomizer implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        EventJson.configure(mapper);
    }
}
