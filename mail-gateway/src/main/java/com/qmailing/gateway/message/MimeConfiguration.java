package com.qmailing.gateway.message;

import com.qmailing.gateway.mime.MimeParser;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class MimeConfiguration {

    @Bean
    MimeParser mimeParser() {
        return new MimeParser();
    }
}
