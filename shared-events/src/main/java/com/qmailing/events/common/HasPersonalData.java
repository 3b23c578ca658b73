package com.qmailing.events.common;

import com.fasterxml.jackson.annotation.JsonIgnore;

/** An event with {@link PersonalData} fields names the scope whose key encrypts them. */
public interface HasPersonalData {

    @JsonIgnore
    DataSubject dataSubject();
}
