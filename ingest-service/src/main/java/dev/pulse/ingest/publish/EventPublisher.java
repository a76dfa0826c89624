package dev.pulse.ingest.publish;

import dev.pulse.ingest.config.IngestProperties;
import dev.pulse.ingest.config.KafkaSettings;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Writes one request's records in one Kafka transaction (acks=all, idempotent), so a request is
 * either wholly visible to read-committed readers or not at all. Transactional producers are
 * single-threaded, hence a small pool of them; a producer that failed is closed and replaced,
 * because after a timeout its transaction state is unknown.
 */
@Component
public class EventPublisher implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(EventPublisher.class);

    private final KafkaSettings kafka;
    private final Duration timeout;
    private final BlockingQueue<Slot> pool;
    private final String transactionalPrefix = "pulse-ingest-" + UUID.randomUUID().toString().substring(0, 8);

    public EventPublisher(KafkaSettings kafka, IngestProperties properties) {
        this.kafka = kafka;
        this.timeout = properties.kafkaTimeout();
        this.pool = new ArrayBlockingQueue<>(properties.producers());
        for (int i = 0; i < properties.producers(); i++) {
            pool.add(new Slot(transactionalPrefix + "-" + i));
        }
    }

    /** Returns only once Kafka has committed every record; throws {@link KafkaUnavailableException} otherwise. */
    public void publishAll(List<ProducerRecord<String, byte[]>> records) {
        Slot slot = acquire();
        try {
            Producer<String, byte[]> producer = slot.producer();
            producer.beginTransaction();
            List<Future<?>> acks = records.stream().<Future<?>>map(producer::send).toList();
            producer.commitTransaction();
            for (Future<?> ack : acks) {
                ack.get(timeout.toMillis(), TimeUnit.MILLISECONDS); // already complete after commit; surfaces per-record errors
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            slot.discard();
            throw new KafkaUnavailableException("interrupted while writing to Kafka", e);
        } catch (Exception e) {
            slot.abortAndDiscard();
            throw new KafkaUnavailableException("Kafka did not acknowledge the records: " + rootMessage(e), e);
        } finally {
            pool.add(slot);
        }
    }

    private Slot acquire() {
        try {
            Slot slot = pool.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (slot == null) {
                throw new KafkaUnavailableException("all Kafka producers are busy", null);
            }
            return slot;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaUnavailableException("interrupted while waiting for a producer", e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }

    @Override
    public void destroy() {
        pool.forEach(Slot::discard);
    }

    /** One transactional id and the producer currently holding it, created lazily so ingest starts without Kafka. */
    private final class Slot {
        private final String transactionalId;
        private KafkaProducer<String, byte[]> producer;

        Slot(String transactionalId) {
            this.transactionalId = transactionalId;
        }

        Producer<String, byte[]> producer() {
            if (producer == null) {
                KafkaProducer<String, byte[]> created = new KafkaProducer<>(config());
                try {
                    created.initTransactions();
                } catch (RuntimeException e) {
                    created.close(Duration.ZERO);
                    throw e;
                }
                producer = created;
            }
            return producer;
        }

        /** Aborts first so read-committed readers are not held back by an open transaction until it times out. */
        void abortAndDiscard() {
            if (producer != null) {
                try {
                    producer.abortTransaction();
                } catch (RuntimeException e) {
                    log.debug("abort after a failed write: {}", e.toString());
                }
            }
            discard();
        }

        void discard() {
            if (producer != null) {
                try {
                    producer.close(Duration.ZERO);
                } catch (RuntimeException e) {
                    log.debug("closing a failed producer: {}", e.toString());
                }
                producer = null;
            }
        }

        private Properties config() {
            long ms = timeout.toMillis();
            Properties props = new Properties();
            // the cluster's own settings (security, DNS) first: Pulse's choices below are what exactly-once needs
            props.putAll(kafka.clientSettings().clientConfig(kafka.bootstrapServers()));
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
            props.put(ProducerConfig.LINGER_MS_CONFIG, 2);
            props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
            // Bounded waits everywhere: a down broker must turn into a 503 within seconds, not a hung request.
            props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, ms);
            props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) ms);
            props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) ms + 10);
            props.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, 60_000);
            props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
            props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
            return props;
        }
    }
}
