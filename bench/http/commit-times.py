"""Label writer transaction times between two scrapes of /actuator/prometheus (its histogram
simexplorer_labels_commit_duration_seconds): prints PREFIX.commit_ms_mean and PREFIX.commit_ms_p99 (the upper
bound of the histogram bucket that holds the 99th percentile).

usage: python3 commit-times.py PREFIX BEFORE_FILE AFTER_FILE
"""
import re
import sys

NAME = "simexplorer_labels_commit_duration_seconds"


def read(path):
    buckets, count, total = {}, 0.0, 0.0
    for line in open(path, encoding="utf-8"):
        bucket = re.match(NAME + r'_bucket\{le="([^"]+)"\} (\S+)$', line.strip())
        if bucket:
            buckets[float(bucket.group(1))] = float(bucket.group(2))
        elif line.startswith(NAME + "_count "):
            count = float(line.split()[1])
        elif line.startswith(NAME + "_sum "):
            total = float(line.split()[1])
    return buckets, count, total


prefix = sys.argv[1]
(b0, c0, s0), (b1, c1, s1) = read(sys.argv[2]), read(sys.argv[3])
count = c1 - c0
if count <= 0:
    sys.exit(0)
print(f"{prefix}.commits_timed={count:.0f}")
print(f"{prefix}.commit_ms_mean={(s1 - s0) / count * 1000:.3f}")
for upper in sorted(b1):
    if b1[upper] - b0.get(upper, 0.0) >= 0.99 * count:
        print(f"{prefix}.commit_ms_p99={upper * 1000:.3f}")
        break
