package com.qmailing.app.support;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A plain SMTP client over a socket, so tests see every reply code exactly as a sending server
 * would. {@link #data(byte[])} dot-stuffs and terminates the message as RFC 5321 asks.
 */
public final class SmtpClient implements AutoCloseable {

    private Socket socket;
    private BufferedReader in;
    private OutputStream out;

    public SmtpClient(int port) {
        try {
            socket = new Socket("127.0.0.1", port);
            socket.setSoTimeout(60_000);
            in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
            out = socket.getOutputStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        expect(220, reply());
    }

    /** Greets and returns the full multi-line EHLO reply. */
    public String ehlo() {
        return command("EHLO test.example");
    }

    /** STARTTLS, the handshake against the test certificate, and EHLO again as RFC 3207 requires. */
    public String startTls() {
        SmtpClient.expect(220, command("STARTTLS"));
        socket = TestCertificate.upgrade(socket);
        try {
            in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
            out = socket.getOutputStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ehlo();
    }

    public boolean isEncrypted() {
        return socket instanceof javax.net.ssl.SSLSocket;
    }

    public String mailFrom(String address) {
        return command("MAIL FROM:<" + address + ">");
    }

    public String rcptTo(String address) {
        return command("RCPT TO:<" + address + ">");
    }

    /** Sends DATA and the message; returns the final reply (250 only once stored). */
    public String data(byte[] message) {
        String go = command("DATA");
        if (!go.startsWith("354")) {
            return go;
        }
        try {
            out.write(dotStuffed(message));
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return reply();
    }

    /**
     * Sends the message and the next command in one write, as a pipelining client (RFC 2920)
     * does; returns the DATA reply and the command's reply.
     */
    public String[] dataThen(byte[] message, String nextCommand) {
        expect(354, command("DATA"));
        try {
            out.write(dotStuffed(message));
            out.write((nextCommand + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new String[] {reply(), reply()};
    }

    /** One whole transaction to the given recipients; returns the DATA reply. */
    public String send(String from, byte[] message, String... recipients) {
        expect(250, mailFrom(from));
        for (String recipient : recipients) {
            expect(250, rcptTo(recipient));
        }
        return data(message);
    }

    public String command(String line) {
        try {
            out.write((line + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return reply();
    }

    @Override
    public void close() {
        try {
            command("QUIT");
        } catch (RuntimeException ignored) {
            // the server may already have dropped the session
        }
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing is best effort
        }
    }

    public static void expect(int code, String reply) {
        if (!reply.startsWith(Integer.toString(code))) {
            throw new AssertionError("expected SMTP " + code + " but got: " + reply);
        }
    }

    private String reply() {
        try {
            StringBuilder all = new StringBuilder();
            String line;
            do {
                line = in.readLine();
                if (line == null) {
                    throw new IOException("connection closed; so far: " + all);
                }
                all.append(line).append('\n');
            } while (line.length() > 3 && line.charAt(3) == '-');
            return all.toString().trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Bare line feeds as CRLF, as every message on the SMTP wire has them (files on disk often don't). */
    public static byte[] crlf(byte[] message) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(message.length + message.length / 40);
        for (int i = 0; i < message.length; i++) {
            if (message[i] == '\n' && (i == 0 || message[i - 1] != '\r')) {
                out.write('\r');
            }
            out.write(message[i]);
        }
        return out.toByteArray();
    }

    /** Leading dots doubled, a final CRLF ensured, then the terminating {@code .}. */
    static byte[] dotStuffed(byte[] message) {
        ByteArrayOutputStream stuffed = new ByteArrayOutputStream(message.length + 64);
        boolean lineStart = true;
        for (byte b : message) {
            if (lineStart && b == '.') {
                stuffed.write('.');
            }
            stuffed.write(b);
            lineStart = b == '\n';
        }
        if (!lineStart) {
            stuffed.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        stuffed.writeBytes(".\r\n".getBytes(StandardCharsets.US_ASCII));
        return stuffed.toByteArray();
    }
}
