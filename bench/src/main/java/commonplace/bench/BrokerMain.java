package commonplace.bench;

import commonplace.local.infra.KafkaBroker;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The benchmark's Kafka broker as a process of its own, so that its CPU is counted apart from the load generator's
 * and neither takes the other's heap or safepoints. Arguments: data directory, port. It prints {@code ready} when the
 * broker listens and stops when its standard input closes (the benchmark ended, however it ended).
 */
public final class BrokerMain {

    private BrokerMain() {
    }

    public static void main(String[] args) throws IOException {
        KafkaBroker broker = KafkaBroker.at(Path.of(args[0]), "127.0.0.1", Integer.parseInt(args[1])).start();
        Runtime.getRuntime().addShutdownHook(new Thread(broker::stop, "broker-stop"));
        System.out.println("ready " + broker.bootstrapServers());
        System.out.flush();
        while (System.in.read() >= 0) {
            // wait for the parent to go away
        }
        System.exit(0);
    }
}
