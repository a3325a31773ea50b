#!/usr/bin/env bash
# Run every benchmark and print ONE Markdown table with the targets beside the measurements.
#
#   scripts/bench.sh            # all (about 5 minutes on 2 cores)
#   QUICK=1 scripts/bench.sh    # shorter criterion runs and 500 edits, for a smoke run
#
# Needs: cargo, python3; hyperfine is used for the startup row when installed (apt-get install
# hyperfine), otherwise a Python timer loop does the same job. Not run by CI (timing is not a test).
# Output: the table on stdout and in target/copydesk-bench/table.md.
set -euo pipefail
cd "$(dirname "$0")/.."
out=target/copydesk-bench
mkdir -p "$out"
export CARGO_TERM_COLOR=never

echo "== building release" >&2
cargo build --release --locked --bins --examples >&2
bin=target/release/copydesk
gen=target/release/examples/gen_article

crit_args=()
edits=600
if [ "${QUICK:-}" = 1 ]; then
  crit_args=(--warm-up-time 1 --measurement-time 2)
  edits=500
fi

echo "== engine (criterion)" >&2
rm -rf target/criterion/check* target/criterion/scaling target/criterion/recheck
cargo bench --locked --bench engine -- "${crit_args[@]}" >&2

echo "== server (keystroke latency, memory)" >&2
COPYDESK_BENCH_EDITS=$edits cargo bench --locked --bench server >&2

echo "== startup and CLI memory" >&2
"$gen" --seed 9 --words 300 > "$out/small.md"
"$gen" --seed 42 --bytes 1048576 > "$out/manuscript.md"
if command -v hyperfine >/dev/null; then
  # copydesk exits 1 when it finds something: that is a result, not a failure here.
  hyperfine -N -i --warmup 5 --runs 100 --export-json "$out/startup.json" \
    "$bin check --no-config $out/small.md" >&2
fi

python3 - "$bin" "$out" <<'PY'
import glob, json, os, platform, resource, statistics, subprocess, sys, time
bin, out = sys.argv[1], sys.argv[2]

def crit(group_dir, bench):
    base = os.path.join("target/criterion", group_dir, bench, "new")
    est = json.load(open(os.path.join(base, "estimates.json")))
    meta = json.load(open(os.path.join(base, "benchmark.json")))
    ns = est["median"]["point_estimate"]
    nbytes = (meta.get("throughput") or {}).get("Bytes", 0)
    return ns / 1e6, nbytes  # ms, bytes

def mbps(ms, nbytes):
    return nbytes / (ms / 1e3) / 1e6

# Startup: hyperfine's mean, or our own loop.
if os.path.exists(f"{out}/startup.json"):
    r = json.load(open(f"{out}/startup.json"))["results"][0]
    startup_ms, startup_sd = r["mean"] * 1e3, r["stddev"] * 1e3
    startup_how = "hyperfine, 100 runs, mean"
else:
    ts = []
    for _ in range(100):
        t = time.perf_counter()
        subprocess.run([bin, "check", "--no-config", f"{out}/small.md"], stdout=subprocess.DEVNULL)
        ts.append((time.perf_counter() - t) * 1e3)
    startup_ms, startup_sd = statistics.mean(ts), statistics.stdev(ts)
    startup_how = "100 runs, mean"

# Peak RSS of the CLI on the manuscript: the child's ru_maxrss (KiB on Linux).
subprocess.run([bin, "check", "--no-config", "--format", "json", f"{out}/manuscript.md"], stdout=subprocess.DEVNULL)
cli_peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024

server = json.load(open(f"{out}/server.json"))
rows = []
def row(what, target, measured, ok):
    rows.append(f"| {what} | {target} | {measured} | {'yes' if ok else ('NO' if ok is False else '')} |")

for n, label in [(1000, "1,000"), (10000, "10,000"), (100000, "100,000")]:
    ms, b = crit("check_words", str(n))
    target = "≤ 2 ms median" if n == 10000 else "—"
    row(f"`check`, {label}-word article ({b/1e3:.0f} kB)", target, f"{ms:.3f} ms ({mbps(ms, b):.0f} MB/s)", ms <= 2 if n == 10000 else None)
ms, b = crit("check", "manuscript_1mb")
row("`check`, 1 MB manuscript: throughput", "≥ 30 MB/s", f"{mbps(ms, b):.0f} MB/s ({ms:.1f} ms)", mbps(ms, b) >= 30)
for bench, label in [("10000_words", "10,000-word article"), ("manuscript_1mb", "1 MB manuscript")]:
    ms, b = crit("recheck", bench)
    row(f"re-check with the document's memo after a one-letter edit, {label}", "—", f"{ms:.2f} ms", None)
a, m = server["article"], server["manuscript"]
row(f"keystroke → diagnostics, 10,000 words: median ({a['edits']} edits)", "≤ 5 ms", f"{a['median_ms']:.2f} ms", a["median_ms"] <= 5)
row("keystroke → diagnostics, 10,000 words: p99", "≤ 15 ms", f"{a['p99_ms']:.2f} ms", a["p99_ms"] <= 15)
row(f"keystroke → diagnostics, 1 MB manuscript: p99 ({m['edits']} edits)", "≤ 50 ms", f"{m['p99_ms']:.2f} ms (median {m['median_ms']:.2f} ms)", m["p99_ms"] <= 50)
row("`copydesk check` on a 300-word file, whole process", "≤ 20 ms", f"{startup_ms:.1f} ± {startup_sd:.1f} ms ({startup_how})", startup_ms <= 20)
row("peak RSS, `copydesk check` on the 1 MB manuscript", "≤ 50 MB", f"{cli_peak_mb:.1f} MB", cli_peak_mb <= 50)
mem = server["memory"]
peak = mem["peak_kib"] / 1024
row(f"peak RSS, server with {mem['docs']} open 10,000-word documents", "≤ 60 MB", f"{peak:.1f} MB (after closing all: {mem['closed_rss_kib']/1024:.1f} MB, at start {mem['baseline_rss_kib']/1024:.1f} MB)", peak <= 60)
# Linear means a flat cost per byte: each row's cost per byte relative to the 1 MB row's.
per_byte_1mb = crit("scaling", "1.00MB")[0] / crit("scaling", "1.00MB")[1]
for q, label in [(1, "0.25"), (2, "0.5"), (4, "1"), (8, "2"), (16, "4")]:
    ms, b = crit("scaling", f"{q/4:.2f}MB")
    rel = (ms / b) / per_byte_1mb
    row(f"scaling: `check`, {label} MB", "linear", f"{ms:.1f} ms ({mbps(ms, b):.0f} MB/s; cost per byte {rel:.2f}× the 1 MB row's)", rel < 1.5)

def sh(cmd):
    try:
        return subprocess.run(cmd, shell=True, capture_output=True, text=True).stdout.strip()
    except Exception:
        return "?"
model = sh("lscpu | sed -n 's/^Model name: *//p'") or platform.processor()
mem_total = sh("awk '/MemTotal/ {printf \"%.1f GiB\", $2/1048576}' /proc/meminfo")
head = [
    f"Measured {time.strftime('%Y-%m-%d')} on {model}, {sh('nproc')} cores, {mem_total} RAM, "
    f"{platform.system()} {platform.release()}, {sh('rustc --version')}, release build.",
    "",
    "| measurement | target | measured | meets target |",
    "|---|---|---|---|",
]
table = "\n".join(head + rows) + "\n"
open(f"{out}/table.md", "w").write(table)
print(table)
PY
