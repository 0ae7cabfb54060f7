package commonplace.command.publishing;

/** Kafka did not acknowledge an event; the batch is retried from the last stored token. */
class KafkaPublishingException extends RuntimeException {

    KafkaPublishingException(String message, Throwable cause) {
        super(message, cause);
    }
}
