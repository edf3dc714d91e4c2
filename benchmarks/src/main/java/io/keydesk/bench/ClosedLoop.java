package io.keydesk.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * A closed-loop load: N client threads, each sending its next call as soon as the previous one is
 * answered, for a fixed time. Throughput is successful calls per second of the phase; latencies are
 * those of the successful calls, every one of them recorded.
 */
final class ClosedLoop {
  private static final int ERROR_SAMPLES = 5;

  private ClosedLoop() {}

  /** One client: its own connection or state, used by one thread. */
  interface Client extends AutoCloseable {
    /**
     * Makes one call.
     *
     * @throws Exception when the call failed; counted as an error
     */
    void call() throws Exception;

    /** Releases what the client holds; the measurement is over by then. */
    @Override
    default void close() {}
  }

  /** What a phase achieved. */
  record Result(
      int clients, Duration elapsed, long errors, Latencies latencies, List<String> errorSamples) {
    long succeeded() {
      return latencies.count();
    }

    double perSecond() {
      return succeeded() / (elapsed.toNanos() / 1e9);
    }
  }

  /**
   * Creates {@code clients} clients (before the clock starts), runs them for {@code duration}, and
   * closes them. A call that started before the end is allowed to finish and counts.
   */
  static Result run(int clients, Duration duration, IntFunction<Client> newClient)
      throws InterruptedException {
    List<Client> created = new ArrayList<>();
    try {
      for (int i = 0; i < clients; i++) {
        created.add(newClient.apply(i));
      }
      return measure(created, duration);
    } finally {
      for (Client client : created) {
        try {
          client.close();
        } catch (RuntimeException e) {
          // Closing a client after the measurement cannot change the result.
        }
      }
    }
  }

  private static Result measure(List<Client> clients, Duration duration)
      throws InterruptedException {
    CountDownLatch go = new CountDownLatch(1);
    AtomicLong errors = new AtomicLong();
    ConcurrentLinkedQueue<String> samples = new ConcurrentLinkedQueue<>();
    List<Latencies.Recorder> recorders = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    long[] startAndEnd = new long[2];
    for (int i = 0; i < clients.size(); i++) {
      Client client = clients.get(i);
      Latencies.Recorder recorder = new Latencies.Recorder();
      recorders.add(recorder);
      Thread thread =
          new Thread(
              () -> {
                try {
                  go.await();
                } catch (InterruptedException e) {
                  return;
                }
                long end = startAndEnd[1];
                while (System.nanoTime() - end < 0) {
                  long begin = System.nanoTime();
                  try {
                    client.call();
                    recorder.record(System.nanoTime() - begin);
                  } catch (Exception e) {
                    if (errors.incrementAndGet() <= ERROR_SAMPLES) {
                      samples.add(e.toString());
                    }
                  }
                }
              },
              "bench-client-" + i);
      thread.setDaemon(true);
      threads.add(thread);
      thread.start();
    }
    startAndEnd[0] = System.nanoTime();
    startAndEnd[1] = startAndEnd[0] + duration.toNanos();
    go.countDown(); // Happens-before: the threads read startAndEnd after await().
    for (Thread thread : threads) {
      thread.join();
    }
    Duration elapsed = Duration.ofNanos(System.nanoTime() - startAndEnd[0]);
    return new Result(
        clients.size(), elapsed, errors.get(), Latencies.of(recorders), List.copyOf(samples));
  }
}
