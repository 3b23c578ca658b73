package com.qmailing.gateway.mime;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class MailDatesTest {

    @Test
    void anRfc5322DateIsReadWithItsOffset() {
        assertThat(MailDates.parse("Wed, 21 Dec 2005 22:02:44 +0100")).isEqualTo(Instant.parse("2005-12-21T21:02:44Z"));
    }

    @Test
    void commentsFullDayNamesAndExtraSpacesAreTolerated() {
        assertThat(MailDates.parse("Wednesday,  21 Dec 2005 22:02:44 +0100 (CET)"))
                .isEqualTo(Instant.parse("2005-12-21T21:02:44Z"));
    }

    @Test
    void obsoleteZoneNamesAreUnderstood() {
        assertThat(MailDates.parse("Tue, 6 Jun 2000 03:20:11 UT")).isEqualTo(Instant.parse("2000-06-06T03:20:11Z"));
        assertThat(MailDates.parse("Thu, 11 Apr 1996 01:10:30 EST")).isEqualTo(Instant.parse("1996-04-11T06:10:30Z"));
    }

    @Test
    void aMissingZoneMeansUtcAndTwoDigitYearsAreAccepted() {
        assertThat(MailDates.parse("15 Feb 95 09:38:18")).isEqualTo(Instant.parse("1995-02-15T09:38:18Z"));
    }

    @Test
    void unreadableDatesGiveNull() {
        assertThat(MailDates.parse(null)).isNull();
        assertThat(MailDates.parse("")).isNull();
        assertThat(MailDates.parse("yesterday, around noon")).isNull();
        assertThat(MailDates.parse("(((")).isNull();
    }
}
