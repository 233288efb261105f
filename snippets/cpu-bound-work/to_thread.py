import asyncio
import time

# Three searches of the same size, large enough to measure.
SEARCHES = [(1_500_000, 34113), (1_500_000, 3210), (1_500_000, 3)]


def find_divisibles(inrange, div_by):
    located = []
    for i in range(inrange):
        if i % div_by == 0:
            located.append(i)
    return located


def report(way, started, results):
    elapsed = time.perf_counter() - started
    counts = ", ".join(str(len(located)) for located in results)
    print(f"{way:<20} {elapsed * 1000:.1f} ms, found {counts} numbers")


async def main():
    started = time.perf_counter()
    results = [find_divisibles(inrange, div_by) for inrange, div_by in SEARCHES]
    report("one after another:", started, results)

    started = time.perf_counter()
    results = await asyncio.gather(
        *(asyncio.to_thread(find_divisibles, inrange, div_by) for inrange, div_by in SEARCHES)
    )
    report("in three threads:", started, results)


if __name__ == "__main__":
    asyncio.run(main())
