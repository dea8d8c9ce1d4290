"""Header-only parsing throughput of pydicom: dcmread(f, stop_before_pixels=True) over a file list.

Run by bench/header-parse.sh with /usr/bin/python3. Usage: header_parse.py FILE_LIST [--once | --seconds S].
With --once, one pass (the caller times the whole process); otherwise one warm-up pass, then passes for S seconds
(default 10) and the median pass in files per second of wall-clock and of process CPU time. force=True so that files without preamble are read, as
Delineate and dcmdump read them. Prints key=value lines.
"""
import statistics
import sys
import time
import warnings

import pydicom

# NB: pydicom warns about some deviations of the corpus; printing them is not parsing.
warnings.simplefilter("ignore")


def one_pass(files):
    failed = 0
    for f in files:
        try:
            pydicom.dcmread(f, stop_before_pixels=True, force=True)
        except Exception:
            failed += 1
    return failed


def main():
    with open(sys.argv[1]) as fl:
        files = [line.strip() for line in fl if line.strip()]
    if len(sys.argv) > 2 and sys.argv[2] == "--once":
        start = time.perf_counter()
        failed = one_pass(files)
        print(f"files={len(files)} failed={failed} seconds={time.perf_counter() - start:.3f}")
        return
    seconds = float(sys.argv[3]) if len(sys.argv) > 3 and sys.argv[2] == "--seconds" else 10.0
    failed = one_pass(files)
    rates = []
    cpu_rates = []
    end = time.perf_counter() + seconds
    while time.perf_counter() < end or len(rates) < 3:
        start = time.perf_counter()
        cpu_start = time.process_time()
        one_pass(files)
        rates.append(len(files) / (time.perf_counter() - start))
        cpu_rates.append(len(files) / (time.process_time() - cpu_start))
    print(f"files={len(files)} failed={failed} pydicom={pydicom.__version__} passes={len(rates)} "
          f"median_files_per_s={statistics.median(rates):.1f} min_files_per_s={min(rates):.1f} "
          f"max_files_per_s={max(rates):.1f} median_files_per_cpu_s={statistics.median(cpu_rates):.1f}")


if __name__ == "__main__":
    main()
