package io.tideline.pnl.config;

import java.lang.reflect.Proxy;
import java.util.Map;

/** A configuration interface answering from a map, for unit tests that build a part without Quarkus. */
public final class ConfigOf {

    private ConfigOf() {
    }

    /** Answers each method by its name from {@code values}; a method not in the map throws, naming itself. */
    public static <T> T map(Class<T> type, Map<String, Object> values) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            if (method.getName().equals("toString")) {
                return type.getSimpleName();
            }
            if (!values.containsKey(method.getName())) {
                throw new UnsupportedOperationException(type.getSimpleName() + "." + method.getName());
            }
            return values.get(method.getName());
        }));
    }
}
