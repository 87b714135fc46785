"""bench scale: one large dataset on the packaged jar, every step of the issue's targets, key=value lines.

Steps, each with the jar's peak resident memory while it ran (VmRSS of the java process sampled every 100 ms,
printed as rss_peak_mb.<step>; VmHWM at the end as rss_hwm_mb):
  embed      EMBED_N distinct generated sentences through POST /api/embed in requests of 2,000
  create     the N-sentence .txt streamed to POST /api/datasets/jobs, from the 202 to DONE
  tiles      GET .../tiles/0/0/0 cold and cached (input and cluster order), finest-level tiles cold
  neighbours top-10 of one sentence (the HNSW index from index-from sentences, built first) and recall@10 of the
             answer against search=exact on a seeded sample of sentences
  losses     PUT 1,000 labels, then GET .../loss?loss=ID for every loss and GET .../losses
  page       the dataset page in headless Chromium (chromedriver's WebDriver protocol, no client library):
             performance.now() in the page when body[data-heatmap-ready] is set and no tile is pending, i.e. the
             time from the navigation's start to the first visible tiles drawn, cold (first open) and warm;
             the home page's load event as its floor
http_floor_ms.<step> is the median round trip of GET /api/losses (a static list) just before a step: the part of
each HTTP timing that is not the work asked for.
Times are client-side wall clock over keep-alive HTTP on 127.0.0.1, medians unless named otherwise.
"""
import argparse
import json
import os
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse

import requests

WORDS = ("the a one some every small large quick slow bright dark old new red green blue happy tired clever quiet"
         " cat dog bird horse child teacher doctor farmer river mountain city village garden kitchen market station"
         " bridge window letter song story game model network question answer idea plan reason moment morning"
         " runs walks jumps reads writes sings drives builds opens closes finds loses takes gives makes sees hears"
         " near under over behind beside through across into from with because while after before").split()


def generate(count, seed):
    """Seeded English-like sentences of 6 to 16 words; different seeds share no sentence."""
    rng = random.Random(seed)
    for k in range(count):
        text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(6, 16)))
        yield f"{text.capitalize()} ({seed}-{k})."


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def out(key, value):
    if isinstance(value, float):
        value = f"{value:.3f}" if abs(value) < 100 else f"{value:.1f}"
    print(f"{key}={value}", flush=True)


def median_ms(fn, runs):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


class Rss:
    """Samples the process's VmRSS; step(name) starts a new step and prints the previous one's peak."""

    def __init__(self, pid):
        self.pid, self.name, self.peak, self.all = pid, None, 0, 0
        self.lock = threading.Lock()
        threading.Thread(target=self._run, daemon=True).start()

    def _read(self, field):
        try:
            with open(f"/proc/{self.pid}/status") as status:
                for line in status:
                    if line.startswith(field):
                        return int(line.split()[1]) // 1024
        except OSError:
            return 0
        return 0

    def _run(self):
        while True:
            rss = self._read("VmRSS:")
            with self.lock:
                self.peak = max(self.peak, rss)
                self.all = max(self.all, rss)
            time.sleep(0.1)

    def step(self, name):
        with self.lock:
            if self.name:
                out(f"rss_peak_mb.{self.name}", self.peak)
            self.name, self.peak = name, self._read("VmRSS:")

    def finish(self):
        self.step(None)
        out("rss_peak_mb.all_steps", self.all)
        out("rss_hwm_mb", self._read("VmHWM:"))


class App:
    def __init__(self, jar, java_opts, data, log, settings):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        cmd = ["java", *java_opts.split(), "-jar", jar, f"--server.port={self.port}", "--server.address=127.0.0.1",
               f"--simexplorer.data-dir={data}", *settings]
        self.proc = subprocess.Popen(cmd, stdout=open(log, "w"), stderr=subprocess.STDOUT)
        self.http = requests.Session()
        start = time.perf_counter()
        while time.perf_counter() - start < 1200:
            if self.proc.poll() is not None:
                sys.exit(f"the app stopped; see {log}")
            try:
                if self.http.get(self.base + "/actuator/health/readiness", timeout=5).status_code == 200:
                    out("startup_s", time.perf_counter() - start)
                    return
            except requests.RequestException:
                pass
            time.sleep(0.5)
        self.stop()
        sys.exit("the app was not ready within 20 minutes")

    def get(self, path, **kw):
        response = self.http.get(self.base + path, timeout=600, **kw)
        response.raise_for_status()
        return response

    def stop(self):
        self.proc.terminate()
        try:
            self.proc.wait(30)
        except subprocess.TimeoutExpired:
            self.proc.kill()


def step_embed(app, embed_n, model):
    lines = list(generate(embed_n, 7))
    app.http.post(app.base + "/api/embed", json={"sentences": ["Warm up the model."], "model": model}).raise_for_status()
    start = time.perf_counter()
    for k in range(0, len(lines), 2000):
        app.http.post(app.base + "/api/embed", json={"sentences": lines[k:k + 2000], "model": model},
                      timeout=600).raise_for_status()
    rate = embed_n / (time.perf_counter() - start)
    out("embed_sentences_per_s", rate)
    return rate


def step_create(app, n, data, embed_rate, model):
    path = os.path.join(data, "sentences.txt")
    with open(path, "w") as f:
        for line in generate(n, 11):
            f.write(line + "\n")
    start = time.perf_counter()
    with open(path, "rb") as f:
        response = app.http.post(app.base + "/api/datasets/jobs", data={"name": f"bench scale {n}", "model": model},
                                 files={"file": ("sentences.txt", f, "text/plain")}, timeout=600)
    response.raise_for_status()
    out("job_accepted_ms", (time.perf_counter() - start) * 1000)
    status_url = response.json()["statusUrl"]
    while True:
        status = app.get(status_url).json()
        if status["state"] == "DONE":
            break
        if status["state"] in ("FAILED", "CANCELLED", "INTERRUPTED"):
            sys.exit(f"job ended: {status}")
        time.sleep(0.2)
    seconds = time.perf_counter() - start
    rate = n / seconds
    out("job_seconds", seconds)
    out("job_sentences_per_s", rate)
    out("ratio", rate / embed_rate)
    return status["datasetId"]


def existing(app, n):
    """The id of an earlier run's dataset of n sentences, or None."""
    for dataset in app.get("/api/datasets").json():
        if dataset["name"] == f"bench scale {n}" and dataset["counts"]["sentences"] == n:
            return dataset["id"]
    return None


def http_floor(app, step):
    """The round trip of a request that computes nothing (the static loss list), the floor under every timing."""
    out(f"http_floor_ms.{step}", median_ms(lambda: app.get("/api/losses"), 20))


def step_tiles(app, dataset):
    http_floor(app, "tiles")
    base = f"/api/datasets/{dataset}/tiles"
    for order in ("input", "cluster"):
        start = time.perf_counter()
        pyramid = app.get(f"{base}?order={order}").json()
        out(f"tiles.{order}.pyramid_first_ms", (time.perf_counter() - start) * 1000)
        start = time.perf_counter()
        app.get(f"{base}/0/0/0?order={order}&stat=mean")
        out(f"tiles.{order}.overview_cold_ms", (time.perf_counter() - start) * 1000)
        out(f"tiles.{order}.overview_cached_ms", median_ms(lambda: app.get(f"{base}/0/0/0?order={order}&stat=mean"), 20))
    finest = pyramid["finest"]
    side = -(-pyramid["n"] // 256)
    out("tiles.finest_level", finest)
    rng = random.Random(5)
    times, mid = [], max(1, finest // 2)
    for _ in range(10):
        row, col = rng.randrange(side), rng.randrange(side)
        start = time.perf_counter()
        app.get(f"{base}/{finest}/{row}/{col}?order=cluster&stat=mean")
        times.append((time.perf_counter() - start) * 1000)
    out("tiles.zoomed_cold_ms", statistics.median(times))
    out("tiles.zoomed_cold_max_ms", max(times))
    mid_side = -(-pyramid["n"] // (256 << (finest - mid)))
    start = time.perf_counter()
    app.get(f"{base}/{mid}/{rng.randrange(mid_side)}/{rng.randrange(mid_side)}?order=cluster&stat=mean")
    out(f"tiles.level{mid}_cold_ms", (time.perf_counter() - start) * 1000)


def step_neighbours(app, dataset, n, queries):
    http_floor(app, "neighbours")
    path = f"/api/datasets/{dataset}/neighbours?k=10&sentence="
    start = time.perf_counter()
    method = app.get(path + "0").json()["method"]
    out("neighbours.first_ms", (time.perf_counter() - start) * 1000)
    if method == "exact":
        # From index-from sentences the first request starts the index build; wait for it.
        deadline = time.time() + 7200
        while time.time() < deadline and method == "exact" and n >= 20_000:
            time.sleep(2)
            method = app.get(path + "0").json()["method"]
        if method == "hnsw":
            out("neighbours.index_build_s", time.perf_counter() - start)
    out("neighbours.method", method)
    rows = random.Random(13).sample(range(n), min(queries, n))
    for row in rows[:5]:
        app.get(path + str(row))
    times, found = [], 0
    for row in rows:
        t = time.perf_counter()
        answer = app.get(path + str(row)).json()
        times.append((time.perf_counter() - t) * 1000)
        exact = app.get(path + str(row) + "&search=exact").json()
        found += len({x["index"] for x in answer["neighbours"]} & {x["index"] for x in exact["neighbours"]})
    out("neighbours.top10_ms", statistics.median(times))
    out("neighbours.top10_p90_ms", sorted(times)[int(0.9 * len(times))])
    out("neighbours.exact_top10_ms", median_ms(lambda: app.get(path + str(rows[0]) + "&search=exact"), 10))
    out("neighbours.recall_at_10", found / (10 * len(rows)))
    out("neighbours.queries", len(rows))


def step_losses(app, dataset, n, count):
    rng = random.Random(17)
    pairs = set()
    while len(pairs) < count:
        i, j = rng.randrange(n), rng.randrange(n)
        if i != j:
            pairs.add((min(i, j), max(i, j)))
    body = [{"i": i, "j": j, "label": 1 if k % 3 == 0 else -1} for k, (i, j) in enumerate(sorted(pairs))]
    app.http.put(f"{app.base}/api/datasets/{dataset}/labels", json=body, timeout=600).raise_for_status()
    out("losses.labels", len(body))
    http_floor(app, "losses")
    ids = [loss["id"] for loss in app.get("/api/losses").json()]
    worst = 0.0
    for loss in ids:
        path = f"/api/datasets/{dataset}/loss?loss={loss}&pairContributions=false"
        for _ in range(3):
            app.get(path)
        ms = median_ms(lambda: app.get(path), 15)
        worst = max(worst, ms)
        out(f"losses.{loss}_ms", ms)
    out("losses.worst_ms", worst)
    app.get(f"/api/datasets/{dataset}/losses")
    out("losses.all_in_one_ms", median_ms(lambda: app.get(f"/api/datasets/{dataset}/losses"), 10))


READY = """const done = arguments[arguments.length - 1];
(function poll() {
  const ready = document.body.dataset.heatmapReady === 'true';
  const state = window.simexplorer && window.simexplorer.heatmap && window.simexplorer.heatmap();
  if (ready && state && (!state.tiled || state.pendingTiles === 0)) done([performance.now(), !!state.tiled]);
  else setTimeout(poll, 5);
})();"""


HOME = "const t = performance.getEntriesByType('navigation')[0]; return t.loadEventEnd || t.duration;"

# Where the page's time went, from the browser's resource timing: milliseconds from the navigation's start.
PARTS = """const nav = performance.getEntriesByType('navigation')[0];
const entries = performance.getEntriesByType('resource');
const end = (test) => Math.max(0, ...entries.filter((e) => test(new URL(e.name).pathname)).map((e) => e.responseEnd));
const start = (test) => Math.min(...entries.filter((e) => test(new URL(e.name).pathname)).map((e) => e.requestStart));
const id = arguments[0];
return {html: nav.responseEnd, dom_content_loaded: nav.domContentLoadedEventEnd,
  scripts_end: end((p) => p.endsWith('.js')),
  sentences_start: start((p) => p === '/api/datasets/' + id), sentences_end: end((p) => p === '/api/datasets/' + id),
  overview_tile_end: end((p) => p.includes('/tiles/0/0/0')), tiles_end: end((p) => p.includes('/tiles/')),
  sentences_requests: entries.filter((e) => new URL(e.name).pathname === '/api/datasets/' + id).length};"""


def step_page(app, dataset):
    port = free_port()
    driver = subprocess.Popen(["chromedriver", f"--port={port}"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wd = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                requests.get(wd + "/status", timeout=1)
                break
            except requests.RequestException:
                time.sleep(0.1)
        caps = {"capabilities": {"alwaysMatch": {"browserName": "chrome", "goog:chromeOptions": {
            "binary": shutil.which("chromium") or "/usr/bin/chromium",
            "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                     "--disable-component-update", "--disable-sync", "--window-size=1400,1000"]}}}}
        session = requests.post(wd + "/session", json=caps, timeout=120).json()["value"]["sessionId"]
        s = f"{wd}/session/{session}"
        requests.post(s + "/timeouts", json={"script": 120_000, "pageLoad": 120_000}, timeout=10)
        for label in ("home_cold", "home_warm"):
            requests.post(s + "/url", json={"url": app.base + "/"}, timeout=120)
            home = requests.post(s + "/execute/sync", json={"script": HOME, "args": []}, timeout=60).json()["value"]
            out(f"page.{label}_load_ms", home)
        for label in ("cold", "warm"):
            requests.post(s + "/url", json={"url": f"{app.base}/datasets/{dataset}"}, timeout=180).raise_for_status()
            value = requests.post(s + "/execute/async", json={"script": READY, "args": []}, timeout=180).json()["value"]
            if not isinstance(value, list):
                sys.exit(f"the page did not get ready: {value}")
            out(f"page.interactive_{label}_ms", value[0])
            out("page.tiled", str(value[1]).lower())
            parts = requests.post(s + "/execute/sync", json={"script": PARTS, "args": [str(dataset)]}, timeout=60).json()["value"]
            for part, value in parts.items():
                out(f"page.{label}.{part}" + ("" if part.endswith("_requests") else "_ms"), round(value, 1))
        requests.delete(s, timeout=30)
    finally:
        driver.terminate()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--jar", required=True)
    parser.add_argument("--java-opts", default="-Xmx1g")
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--embed-n", type=int, default=4000)
    parser.add_argument("--queries", type=int, default=100)
    parser.add_argument("--labels", type=int, default=1000)
    parser.add_argument("--model", default="all-minilm-l6-v2", help="the catalogue model of both embed and job")
    parser.add_argument("--reuse", help="a data folder kept by an earlier run (KEEP_DATA=1): its dataset of N "
                        "sentences is opened again after a restart, and the embed and create steps are skipped")
    args = parser.parse_args()
    data = args.reuse or tempfile.mkdtemp(prefix="bench-scale-")
    out("sentences", args.n)
    out("java_opts", args.java_opts)
    out("model", args.model)
    out("cpu", open("/proc/cpuinfo").read().split("model name")[1].split(":")[1].split("\n")[0].strip())
    out("cores", os.cpu_count())
    out("load_start", os.getloadavg()[0])
    settings = [f"--simexplorer.datasets.max-sentences={max(args.n, 200_000)}"]
    app = App(args.jar, args.java_opts, data, os.path.join(data, "app.log"), settings)
    rss = Rss(app.proc.pid)
    try:
        dataset = existing(app, args.n) if args.reuse else None
        if dataset is None:
            rss.step("embed")
            embed_rate = step_embed(app, args.embed_n, args.model)
            rss.step("create")
            dataset = step_create(app, args.n, data, embed_rate, args.model)
        else:
            out("reused_dataset", dataset)
        rss.step("tiles")
        step_tiles(app, dataset)
        rss.step("neighbours")
        step_neighbours(app, dataset, args.n, args.queries)
        rss.step("losses")
        step_losses(app, dataset, args.n, args.labels)
        rss.step("page")
        step_page(app, dataset)
        rss.finish()
        out("load_end", os.getloadavg()[0])
    finally:
        app.stop()
        if os.environ.get("KEEP_DATA") == "1" or args.reuse:
            out("data_dir", data)
        else:
            shutil.rmtree(data, ignore_errors=True)


if __name__ == "__main__":
    main()
