package com.qmailing.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** One SMTP connection that sends many messages, one transaction after another. */
final class SmtpSession implements AutoCloseable {

    private final Socket socket;
    private final BufferedReader in;
    private final OutputStream out;

    SmtpSession(String host, int port) throws IOException {
        socket = new Socket(host, port);
        socket.setTcpNoDelay(true);
        in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
        out = socket.getOutputStream();
        expect("220", reply());
        command("EHLO bench.example", "250");
    }

    /** A whole transaction; the message must use CRLF and have no line starting with a dot. */
    void send(String from, String to, byte[] message) throws IOException {
        send(from, to, message, false);
    }

    /** @param declareSize whether to announce the size in MAIL FROM (RFC 1870), as MTAs do */
    void send(String from, String to, byte[] message, boolean declareSize) throws IOException {
        command("MAIL FROM:<" + from + ">" + (declareSize ? " SIZE=" + message.length : ""), "250");
        command("RCPT TO:<" + to + ">", "250");
        command("DATA", "354");
        out.write(message);
        out.write(".\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        expect("250", reply());
    }

    @Override
    public void close() throws IOException {
        try {
            command("QUIT", "221");
        } finally {
            socket.close();
        }
    }

    private void command(String line, String code) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        expect(code, reply());
    }

    private String reply() throws IOException {
        String line;
        do {
            line = in.readLine();
            if (line == null) {
                throw new IOException("connection closed");
            }
        } while (line.length() > 3 && line.charAt(3) == '-');
        return line;
    }

    private static void expect(String code, String reply) throws IOException {
        if (!reply.startsWith(code)) {
            throw new IOException("expected " + code + " but got: " + reply);
        }
    }
}
