package io.keydesk.analytics;

import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;

/**
 * One instance of the real job in its own JVM, so that a test can kill it outright ({@code
 * destroyForcibly}, SIGKILL): no close, no commit, no leaving the group. Arguments: bootstrap
 * servers, state directory, application id, partitions of created topics.
 */
final class ScalingInstance {

  /**
   * Shorter timeouts than the defaults, so that a killed instance's tasks move within seconds: the
   * group notices it is gone after the session timeout (the broker's minimum, 6 s), and its open
   * transaction is aborted after the transaction timeout.
   */
  static final Map<String, Object> FAST_FAILOVER =
      Map.of(
          StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG),
          6_000,
          StreamsConfig.consumerPrefix(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG),
          1_000,
          StreamsConfig.producerPrefix(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG),
          5_000,
          StreamsConfig.COMMIT_INTERVAL_MS_CONFIG,
          100);

  private ScalingInstance() {}

  static StreamsSettings settings(String bootstrap, Path stateDir, String appId, int partitions) {
    return new StreamsSettings(bootstrap, stateDir, appId, (short) 1, 1, partitions, true);
  }

  public static void main(String[] args) throws InterruptedException {
    StreamsApp app =
        new StreamsApp(
            settings(args[0], Path.of(args[1]), args[2], Integer.parseInt(args[3])), FAST_FAILOVER);
    Runtime.getRuntime().addShutdownHook(new Thread(app::close, "scaling-instance-shutdown"));
    app.start();
    app.awaitStopped();
  }
}
