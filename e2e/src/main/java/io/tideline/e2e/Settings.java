package io.tideline.e2e;

import io.tideline.e2e.scenario.Gateway.Role;

import java.net.URI;
import java.util.EnumMap;
import java.util.Map;

/**
 * What the launcher tells one of this module's programs through the environment (see {@code ./platform help}): a
 * blank value counts as unset. A missing required setting stops the program with exit code 2, naming the setting and
 * the command that sets it.
 */
public final class Settings {

    private final String program;
    private final String command;

    /** For {@code program} (named in its error messages), which {@code command} starts. */
    public Settings(String program, String command) {
        this.program = program;
        this.command = command;
    }

    public String text(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    public int number(String name, int fallback) {
        String value = text(name, null);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return stop(name + " must be a whole number, was '" + value + "'");
        }
    }

    public String required(String name) {
        String value = text(name, null);
        return value != null ? value : stop(name + " is not set (" + command + " sets it)");
    }

    /** The tokens the launcher signed for each role ({@code TIDELINE_E2E_TOKEN_VIEWER|TRADER|ADMIN}). */
    public Map<Role, String> tokens() {
        Map<Role, String> tokens = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            tokens.put(role, required("TIDELINE_E2E_TOKEN_" + role.name()));
        }
        return tokens;
    }

    public URI gateway() {
        return URI.create(text("TIDELINE_E2E_GATEWAY", "http://127.0.0.1:8080/"));
    }

    public URI receivers() {
        return URI.create(text("TIDELINE_E2E_RECEIVERS", "http://127.0.0.1:8089/"));
    }

    public String kafkaBootstrap() {
        return text("TIDELINE_KAFKA_BOOTSTRAP", "127.0.0.1:9092");
    }

    /** Points shared-testing's chain client at the local chain and its deployment record. */
    public void useLocalChain() {
        System.setProperty("tideline.test.chain.rpc", text("TIDELINE_E2E_CHAIN_RPC", "http://127.0.0.1:8545"));
        System.setProperty("tideline.test.chain.deployment", required("TIDELINE_E2E_CHAIN_DEPLOYMENT"));
    }

    /** Prints why and exits with 2 (a setting is wrong: nothing was tried). */
    public <T> T stop(String why) {
        System.err.println(program + ": " + why);
        System.exit(2);
        throw new IllegalStateException("exit");
    }
}
