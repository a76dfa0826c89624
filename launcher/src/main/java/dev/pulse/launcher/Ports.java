package dev.pulse.launcher;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** Port checks made before anything starts, so a clash is reported by name, not as a bind exception deep in a stack. */
public final class Ports {

    private Ports() {
    }

    public static void requireFree(int port, String what) {
        if (!isFree(port)) {
            throw new LaunchException("Port " + port + " (" + what + ") is already taken: stop whatever listens there,"
                    + " or stop the other Pulse that is running.");
        }
    }

    /**
     * Whether Pulse may listen on the port: true unless something listens there already. A port
     * still held by closed connections in TIME_WAIT (right after a Pulse stopped) is free: every
     * server of the stack binds with SO_REUSEADDR, as this check does, and the kernel lets such a
     * bind through while it refuses one over a listening socket. The connect attempt catches a
     * listener where the bind rules are laxer (SO_REUSEADDR on Windows shares a listening port).
     */
    public static boolean isFree(int port) {
        if (answers("localhost", port)) {
            return false;
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName("0.0.0.0"), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public static boolean answers(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** A port free right now, for tests and for listeners that must know their port before binding. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
