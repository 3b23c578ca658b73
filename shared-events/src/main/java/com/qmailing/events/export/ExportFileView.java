package com.qmailing.events.export;

/** @param path the finished ZIP, readable by its owner only */
public record ExportFileView(String path, long sizeBytes) {
}
