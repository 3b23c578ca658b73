"""Bytes the JVM allocated in a time window, from a flight recording's jdk.ThreadAllocationStatistics
(one sample per thread and second, see allocation.jfc): for every thread, its last count at or
before the window's start and at the first sample after its end.

usage: jfr-allocation.py <recording.jfr> <start epoch ms> <end epoch ms>
"""
import datetime
import json
import subprocess
import sys

recording, start, end = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
printed = subprocess.run(['jfr', 'print', '--json', '--events', 'jdk.ThreadAllocationStatistics', recording],
                         capture_output=True, text=True, check=True).stdout
events = json.loads(printed)['recording']['events']


def epoch_ms(text):
    # "2026-11-24T00:53:11.123456789Z": microseconds are all datetime takes.
    stamp = datetime.datetime.fromisoformat(text[:26].rstrip('Z'))
    return stamp.replace(tzinfo=datetime.timezone.utc).timestamp() * 1000


def allocated_up_to(limit):
    latest = {}
    for event in events:
        values = event['values']
        if epoch_ms(values['startTime']) <= limit and values['thread']:
            thread = values['thread']['javaThreadId']
            latest[thread] = max(latest.get(thread, 0), values['allocated'])
    return latest


before = allocated_up_to(start)
# One sampling period past the end, so that the first sample after it counts.
after = allocated_up_to(end + 1500)
total = sum(count - before.get(thread, 0) for thread, count in after.items())
print(f"{total / 1048576:.1f} MB")
