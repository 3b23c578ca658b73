package com.qmailing.events.requestlog;

import java.util.List;

public record RequestLogPage(List<ApiRequestRecord> entries, long total) {
}
