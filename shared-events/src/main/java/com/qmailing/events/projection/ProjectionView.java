package com.qmailing.events.projection;

/**
 * A projection's progress through the event stream.
 *
 * @param position    the last position every segment has processed; null before the first claim
 * @param replayUntil the position a replay ends at (the head of the stream when it started); null unless replaying
 * @param progress    0 to 1: the share of a replay done, 1 when not replaying; null when nothing is known
 */
public record ProjectionView(String name, ProjectionStatus status, Long position, Long replayUntil, Double progress) {
}
