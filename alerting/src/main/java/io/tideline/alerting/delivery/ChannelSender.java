package io.tideline.alerting.delivery;

/**
 * Sends a notification over one type of channel (a CDI bean per type). One attempt, bounded by the channel's
 * timeout; never throws: every failure is a {@link SendResult}.
 */
public interface ChannelSender {

    ChannelType type();

    /** One attempt to deliver {@code notification} to {@code channel}, carrying {@code idempotencyKey}. */
    SendResult send(Channel channel, Notification notification, String idempotencyKey);
}
