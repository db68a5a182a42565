#!/usr/bin/env python3
"""A soak of a running `tend serve`: mixed API and page load at a fixed rate for a duration,
with the server's memory sampled every 10 s. Standard library only.

    scripts/soak URL TOKEN EMAIL PASSWORD PID [--seconds 1800] [--rate 100]

Each second `rate` requests are started on a schedule (open loop: a slow answer does not slow
the load), drawn in turn from: API complaint intake, API list, API search (common, rare and
two words), API read of one complaint, the inbox page and a complaint page (signed in, as a
browser). Prints p50/p99 per kind, errors, and the RSS curve (VmRSS of PID, MiB)."""
import argparse, http.cookiejar, json, os, random, re, statistics, threading, time, urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor

p = argparse.ArgumentParser()
p.add_argument("url"); p.add_argument("token"); p.add_argument("email"); p.add_argument("password")
p.add_argument("pid", type=int)
p.add_argument("--seconds", type=int, default=1800)
p.add_argument("--rate", type=int, default=100)
a = p.parse_args()
random.seed(2026)
WORDS = ("kettle lid broken late refund delivery printer cable charger screen manual warranty "
         "café llegó frío kırık ürün iade paket hasarlı cargo").split()

def rss():
    with open(f"/proc/{a.pid}/status") as f:
        return int(re.search(r"VmRSS:\s+(\d+)", f.read()).group(1)) / 1024

def api(method, path, body=None):
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(a.url + path, data=data, method=method, headers={
        "Authorization": f"Bearer {a.token}", "Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=30) as r:
        return r.status, r.read()

jar = http.cookiejar.CookieJar()
browser = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args): return None
signer = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect)
page = browser.open(a.url + "/sign-in").read().decode()
csrf = re.search(r'name="_csrf" value="([^"]*)"', page).group(1)
form = urllib.parse.urlencode({"_csrf": csrf, "email": a.email, "password": a.password}).encode()
try:
    signer.open(a.url + "/sign-in", form)
except urllib.error.HTTPError as e:
    assert e.code == 303, e.code

status, body = api("POST", "/api/v1/customers", {"name": "Soak Customer", "email": "soak@example.com"})
customer = json.loads(body)["id"]
ids = []

def intake():
    text = " ".join(random.choice(WORDS) for _ in range(12))
    s, b = api("POST", "/api/v1/complaints", {"customer_id": customer, "channel": "email",
                                              "description": text})
    ids.append(json.loads(b)["id"])
def listing(): api("GET", "/api/v1/complaints?limit=50")
def search_common(): api("GET", "/api/v1/complaints?q=kettle")
def search_rare(): api("GET", "/api/v1/complaints?q=hasarl")
def search_two(): api("GET", "/api/v1/complaints?q=" + urllib.parse.quote("broken refund"))
def read_one(): api("GET", f"/api/v1/complaints/{random.choice(ids)}") if ids else listing()
def inbox(): browser.open(a.url + "/inbox").read()
def complaint_page():
    browser.open(a.url + f"/complaints/{random.choice(ids)}").read() if ids else inbox()

KINDS = [intake, listing, search_common, search_rare, search_two, read_one, inbox, complaint_page]
times = {k.__name__: [] for k in KINDS}
errors = {k.__name__: 0 for k in KINDS}
lock = threading.Lock()

def run(kind):
    t0 = time.perf_counter()
    try:
        kind(); ok = True
    except Exception:
        ok = False
    dt = (time.perf_counter() - t0) * 1000
    with lock:
        (times[kind.__name__].append(dt) if ok else errors.__setitem__(kind.__name__, errors[kind.__name__] + 1))

curve = []
start = time.time()
with ThreadPoolExecutor(max_workers=64) as pool:
    n = 0; next_sample = start
    while time.time() - start < a.seconds:
        now = time.time()
        if now >= next_sample:
            curve.append((round(now - start), round(rss(), 1))); next_sample += 10
        pool.submit(run, KINDS[n % len(KINDS)]); n += 1
        target = start + n / a.rate
        delay = target - time.time()
        if delay > 0: time.sleep(delay)
curve.append((round(time.time() - start), round(rss(), 1)))
total = sum(len(v) for v in times.values())
print(f"requests: {total} ok, {sum(errors.values())} errors in {a.seconds} s "
      f"({total / a.seconds:.1f}/s)")
print(f"{'kind':16} {'n':>7} {'p50 ms':>8} {'p99 ms':>8} {'errors':>7}")
for k, v in times.items():
    if v:
        q = statistics.quantiles(v, n=100, method="inclusive")
        print(f"{k:16} {len(v):7} {q[49]:8.1f} {q[98]:8.1f} {errors[k]:7}")
print("rss_mib over time (s, MiB):", " ".join(f"{t}:{m}" for t, m in curve))
first = [m for t, m in curve if t <= 120]
last = [m for t, m in curve if t >= a.seconds - 120]
print(f"rss first 2 min max {max(first):.1f} MiB; last 2 min max {max(last):.1f} MiB; "
      f"peak {max(m for _, m in curve):.1f} MiB")
