/**
 * MIME parsing for display: {@link com.qmailing.gateway.mime.MimeParser} turns raw message bytes
 * into a {@link com.qmailing.gateway.mime.ParsedMessage} — decoded headers, safe bodies, an
 * attachment list — and fetches one attachment by index. No Spring here: plain objects over
 * mime4j's pull parser and jsoup.
 */
package com.qmailing.gateway.mime;
