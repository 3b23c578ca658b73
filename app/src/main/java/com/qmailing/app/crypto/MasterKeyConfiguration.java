package com.qmailing.app.crypto;

import com.qmailing.command.crypto.MasterKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The master key: {@code QMAILING_MASTER_KEY}, or one generated on first start into
 * {@code <data dir>/master.key} (owner-only). Several nodes must share the configured key.
 */
@Configuration(proxyBeanMethods = false)
public class MasterKeyConfiguration {

    private static final Logger log = LoggerFactory.getLogger(MasterKeyConfiguration.class);

    @Bean
    public MasterKey masterKey(@Value("${qmailing.master-key:}") String configured,
                               @Value("${qmailing.data-dir:./data}") Path dataDir) {
        if (!configured.isBlank()) {
            return MasterKey.fromBase64(configured);
        }
        Path file = dataDir.resolve("master.key");
        try {
            if (Files.exists(file)) {
                return MasterKey.fromBase64(Files.readString(file, StandardCharsets.US_ASCII));
            }
            Files.createDirectories(dataDir);
            String generated = MasterKey.generateBase64();
            OwnerOnlyFiles.write(file, generated);
            log.warn("Generated a master key in {}: back it up, without it stored data cannot be read", file);
            return MasterKey.fromBase64(generated);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the master key " + file, e);
        }
    }
}
