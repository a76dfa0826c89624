package dev.pulse.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import org.junit.jupiter.api.Test;

/** Issue 17, defect 1: a port is taken only when something listens on it. */
class PortsTest {

    @Test
    void shouldCallAPortFreeWhileClosedConnectionsStillHoldItInTimeWait() throws IOException {
        // given: a server accepts a connection and closes it first (the active close, as a stopping
        // broker does), so its side lingers in FIN_WAIT/TIME_WAIT on the port after the listener is gone
        int port;
        try (ServerSocket listener = new ServerSocket()) {
            listener.setReuseAddress(true);
            listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            port = listener.getLocalPort();
            try (Socket client = new Socket(InetAddress.getLoopbackAddress(), port)) {
                listener.accept().close();
                try (InputStream in = client.getInputStream()) {
                    assertThat(in.read()).as("the server's close reached the client").isEqualTo(-1);
                }
            }
        }

        // then: the port really is held (a bind without SO_REUSEADDR, the old check, is refused) ...
        assertThat(bindsWithoutReuse(port)).as("port %d lingers in TIME_WAIT", port).isFalse();
        // ... yet nothing listens there, so Pulse may start on it
        assertThat(Ports.isFree(port)).isTrue();
    }

    @Test
    void shouldCallAPortTakenWhileSomethingListensOnIt() throws IOException {
        try (ServerSocket everywhere = new ServerSocket()) {
            everywhere.setReuseAddress(true);
            everywhere.bind(new InetSocketAddress(0));
            assertThat(Ports.isFree(everywhere.getLocalPort())).isFalse();
        }
    }

    @Test
    void shouldCallAPortTakenWhileSomethingListensOnTheLoopbackOnly() throws IOException {
        try (ServerSocket loopback = new ServerSocket()) {
            loopback.setReuseAddress(true);
            loopback.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            int port = loopback.getLocalPort();
            assertThat(Ports.isFree(port)).isFalse();
            loopback.close();
            assertThat(Ports.isFree(port)).as("free again once the listener is closed").isTrue();
        }
    }

    private static boolean bindsWithoutReuse(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(InetAddress.getByName("0.0.0.0"), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
