"""wrk, the load generator, against the bench server: one path, or several in turn."""

import json
import os
import re
import subprocess
import tempfile
import time
import urllib.request

PORT = int(os.environ.get("BENCH_PORT", "8911"))
BASE = f"http://127.0.0.1:{PORT}"
UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}
#: wrk script: the paths in turn; at the end, the percentiles wrk's --latency report lacks (p95).
WRK_ROTATION = """
paths = {%s}
i = 0
request = function()
  i = i %% #paths + 1
  return wrk.format("GET", paths[i])
end
done = function(summary, latency, requests)
  io.write(string.format("P50 %%d\\nP95 %%d\\n", latency:percentile(50), latency:percentile(95)))
end
"""


def wrk(path, duration, header=None, connections=16):
    """(req/s, p50 ms, p99 ms) of `path` under `connections` concurrent connections.

    16 is the issue's load, under which two sync workers queue the requests;
    2 (one request per worker) shows how long a request itself takes.
    """
    for _ in range(3):  # warm up: renditions, connections, the content tree
        urllib.request.urlopen(BASE + path).read()
    command = ["wrk", "-t2", f"-c{connections}", f"-d{duration}", "--latency", BASE + path]
    if header:
        command[1:1] = ["-H", header]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    percentiles = {
        p: float(value) * UNITS[unit]
        for p, value, unit in re.findall(r"^\s+(50|99)%\s+([\d.]+)(us|ms|s)\s*$", output, re.MULTILINE)
    }
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    if errors:
        raise RuntimeError(f"{path}: {errors.group(1)} error responses")
    # wrk stops with up to `connections` requests still queued at the workers, which go on serving
    # them: let them drain (about connections / rate seconds) so that they do not eat into the next run.
    time.sleep(connections / rate + 0.2)
    return rate, percentiles["50"], percentiles["99"]


def wrk_rotation(paths, duration, connections):
    """(req/s, p50 ms, p95 ms) of `paths` requested in turn."""
    with tempfile.NamedTemporaryFile("w", suffix=".lua") as script:
        script.write(WRK_ROTATION % ", ".join(json.dumps(path) for path in paths))
        script.flush()
        command = ["wrk", "-t2", f"-c{connections}", f"-d{duration}", "--timeout", "30s", "-s", script.name, BASE + "/"]
        output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    if errors:
        raise RuntimeError(f"search: {errors.group(1)} error responses")
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    p50, p95 = (int(re.search(rf"^P{p} (\d+)$", output, re.MULTILINE).group(1)) / 1000 for p in (50, 95))
    time.sleep(connections / rate + 0.2)  # let the requests still queued drain, as in wrk()
    return rate, p50, p95
