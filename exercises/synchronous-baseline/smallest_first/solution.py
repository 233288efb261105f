import time


def find_divisibles(inrange, div_by):
    print(f"finding numbers below {inrange} divisible by {div_by}")
    started = time.perf_counter()
    located = []
    for i in range(inrange):
        if i % div_by == 0:
            located.append(i)
    elapsed = time.perf_counter() - started
    print(f"done with {inrange} / {div_by} after {elapsed * 1000:.1f} ms")
    return located


def main():
    started = time.perf_counter()
    find_divisibles(500, 3)
    find_divisibles(100052, 3210)
    find_divisibles(508000, 34113)
    print(f"all three calls took {(time.perf_counter() - started) * 1000:.1f} ms")


main()
