package commonplace.local;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Map;
import java.util.stream.Collectors;

/** Refuses to start on ports someone else already uses, rather than failing halfway with a bind error in a log. */
final class PortCheck {

    private PortCheck() {
    }

    /** One line naming every taken port and what needed it, or null when all are free. */
    static String busyPorts(Map<Integer, String> required) {
        String busy = required.entrySet().stream()
                .filter(entry -> !isFree(entry.getKey()))
                .map(entry -> entry.getKey() + " (for " + entry.getValue() + ")")
                .collect(Collectors.joining(", "));
        return busy.isEmpty() ? null : "port already in use: " + busy + "; stop what listens there or choose "
                + "another port";
    }

    static boolean isFree(int port) {
        try (Socket probe = new Socket()) {
            probe.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return false;
        } catch (IOException nobodyAnswers) {
            // expected: now make sure nothing holds the port on another address either
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
