package com.qmailing.gateway.outbound;

import com.qmailing.events.common.EmailAddress;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.SesV2ClientBuilder;
import software.amazon.awssdk.services.sesv2.model.Destination;
import software.amazon.awssdk.services.sesv2.model.EmailContent;
import software.amazon.awssdk.services.sesv2.model.RawMessage;
import software.amazon.awssdk.services.sesv2.model.SendEmailRequest;
import software.amazon.awssdk.services.sesv2.model.SesV2Exception;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * {@code QMAILING_OUTBOUND=ses}: Amazon SES v2 {@code SendEmail} with the stored raw message, so
 * SES sends the very bytes in the SENT copy. Throttling, 5xx and unreachable endpoints are
 * temporary; a rejected message (4xx from SES) is final.
 */
final class SesTransport implements OutboundTransport, AutoCloseable {

    private final SesV2Client ses;

    SesTransport(OutboundProperties.Ses settings) {
        SesV2ClientBuilder builder = SesV2Client.builder()
                .region(Region.of(settings.region()))
                .credentialsProvider(credentials(settings))
                .httpClientBuilder(ApacheHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(10))
                        .socketTimeout(Duration.ofSeconds(60)));
        if (!settings.endpoint().isBlank()) {
            builder.endpointOverride(URI.create(settings.endpoint()));
        }
        this.ses = builder.build();
    }

    @Override
    public Result send(String envelopeFrom, List<EmailAddress> recipients, byte[] raw) {
        try {
            ses.sendEmail(SendEmailRequest.builder()
                    .fromEmailAddress(envelopeFrom.isBlank() ? null : envelopeFrom)
                    .destination(Destination.builder()
                            .toAddresses(recipients.stream().map(EmailAddress::toString).toList()).build())
                    .content(EmailContent.builder().raw(RawMessage.builder().data(SdkBytes.fromByteArray(raw))
                            .build()).build())
                    .build());
            return Result.delivered();
        } catch (SesV2Exception e) {
            int status = e.statusCode();
            String reason = "SES " + status + " " + (e.awsErrorDetails() == null ? "" : e.awsErrorDetails().errorCode());
            return status == 429 || status >= 500 || e.isThrottlingException()
                    ? Result.temporary(reason.trim()) : Result.permanent(reason.trim());
        } catch (SdkClientException e) {
            return Result.temporary("SES unreachable: " + e.getClass().getSimpleName());
        } catch (SdkException e) {
            return Result.temporary("SES failed: " + e.getClass().getSimpleName());
        }
    }

    @Override
    public void close() {
        ses.close();
    }

    private static AwsCredentialsProvider credentials(OutboundProperties.Ses settings) {
        return settings.accessKey().isBlank() ? DefaultCredentialsProvider.builder().build()
                : StaticCredentialsProvider.create(AwsBasicCredentials.create(settings.accessKey(),
                settings.secretKey()));
    }
}
