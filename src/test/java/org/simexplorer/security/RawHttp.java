package org.simexplorer.security;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.0 over a plain socket, for requests with a Host header of the test's choosing (Java's HttpClient
 * refuses to set Host). HTTP/1.0 keeps the answer unchunked and closes the connection after it.
 */
public final class RawHttp {

    public record Response(int status, Map<String, String> headers, String body) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private RawHttp() {
    }

    public static Response send(int port, String method, String path, String host, Map<String, String> headers,
            String body) throws IOException {
        return send(port, method, path, host, headers, body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }

    /** As {@link #send(int, String, String, String, Map, String)}, with the body's exact bytes. */
    public static Response send(int port, String method, String path, String host, Map<String, String> headers,
            byte[] body) throws IOException {
        byte[] content = body == null ? new byte[0] : body;
        StringBuilder request = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.0\r\n")
                .append("Host: ").append(host).append("\r\n");
        headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
        if (body != null) {
            request.append("Content-Length: ").append(content.length).append("\r\n");
        }
        request.append("\r\n");
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(content);
            out.flush();
            return parse(socket.getInputStream().readAllBytes());
        }
    }

    public static Response get(int port, String path, String host, String accept) throws IOException {
        return send(port, "GET", path, host, Map.of("Accept", accept), (byte[]) null);
    }

    private static Response parse(byte[] raw) {
        String text = new String(raw, StandardCharsets.UTF_8);
        int end = text.indexOf("\r\n\r\n");
        String[] lines = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int k = 1; k < lines.length; k++) {
            int colon = lines[k].indexOf(':');
            headers.merge(lines[k].substring(0, colon).strip().toLowerCase(Locale.ROOT),
                    lines[k].substring(colon + 1).strip(), (a, b) -> a + ", " + b);
        }
        return new Response(status, headers, text.substring(end + 4));
    }
}
