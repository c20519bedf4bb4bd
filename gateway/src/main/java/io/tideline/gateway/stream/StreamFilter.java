package io.tideline.gateway.stream;

import io.tideline.service.problem.ProblemException;
import io.tideline.service.security.Roles;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What one client sees: the topics it asked for, at most one wallet and one position (both must match when both are
 * given), and only what its role may see ({@link EventVisibility}). Built from the query, which it checks: a bad
 * value is a 400 naming the parameter.
 *
 * @param wallet   lower-case address, or null for any
 * @param position position key, or null for any
 * @param role     the caller's highest role
 */
public record StreamFilter(Set<String> topics, String wallet, String position, String role) {

    private static final int MAX_POSITION_LENGTH = 200;

    public StreamFilter {
        topics = Set.copyOf(topics);
        if (!Roles.ALL.contains(role)) {
            throw new IllegalArgumentException("not a role: " + role);
        }
    }

    /**
     * Reads the query: {@code topic} (repeated or comma-separated; the five business topics when absent),
     * {@code wallet} (an EVM address), {@code position} (an LP position key {@code chainId:positionManager:tokenId}).
     */
    public static StreamFilter of(List<String> topicParams, String wallet, String position, String role) {
        return new StreamFilter(topics(topicParams), wallet(wallet), position(position), role);
    }

    public boolean accepts(StreamEvent event) {
        return topics.contains(event.topic())
                && Roles.implied(role).contains(event.leastRole())
                && (wallet == null || event.subjects().wallets().contains(wallet))
                && (position == null || event.subjects().positions().contains(position));
    }

    private static Set<String> topics(List<String> params) {
        Set<String> topics = new LinkedHashSet<>();
        if (params != null) {
            for (String param : params) {
                for (String name : param.split(",", -1)) {
                    String topic = name.strip();
                    if (!StreamTopics.ALL.contains(topic)) {
                        throw ProblemException.badField("topic", "'" + shorten(topic) + "' is not a topic of the"
                                + " stream; use " + String.join(", ", StreamTopics.DEFAULT) + " or "
                                + String.join(", ", StreamTopics.OPT_IN));
                    }
                    topics.add(topic);
                }
            }
        }
        return topics.isEmpty() ? Set.copyOf(StreamTopics.DEFAULT) : topics;
    }

    private static String wallet(String wallet) {
        if (wallet == null) {
            return null;
        }
        if (!EventSubjects.ADDRESS.matcher(wallet).matches()) {
            throw ProblemException.badField("wallet", "must be an address: 0x and 40 hex digits");
        }
        return wallet.toLowerCase(Locale.ROOT);
    }

    private static String position(String position) {
        if (position == null) {
            return null;
        }
        try {
            if (position.length() > MAX_POSITION_LENGTH) {
                throw new IllegalArgumentException("too long");
            }
            return EventSubjects.positionKey(position);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badField("position",
                    "must be an LP position key: chainId:positionManager:tokenId");
        }
    }

    private static String shorten(String text) {
        String printable = text.replaceAll("[^\\x20-\\x7e]", "?");
        return printable.length() > 40 ? printable.substring(0, 40) + "..." : printable;
    }
}
