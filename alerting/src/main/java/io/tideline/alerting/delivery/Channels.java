package io.tideline.alerting.delivery;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The configured outside channels by name ({@code email:desk}, ...), checked when the service starts. */
@Startup
@ApplicationScoped
public class Channels {

    private final Map<String, Channel> byName = new LinkedHashMap<>();

    public Channels(ChannelsConfig config, @ConfigProperty(name = "quarkus.mailer.from") Optional<String> mailerFrom) {
        // by the name rules use (email:..., webhook:...), as the API lists them
        for (Channel c : ChannelSettings.parse(config.all(), mailerFrom).stream()
                .sorted(java.util.Comparator.comparing(Channel::name)).toList()) {
            byName.put(c.name(), c);
        }
    }

    public List<Channel> all() {
        return List.copyOf(byName.values());
    }

    public Optional<Channel> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }
}
