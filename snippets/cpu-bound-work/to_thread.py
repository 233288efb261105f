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


async def one_after_another():
    return [find_divisibles(inrange, div_by) for inrange, div_by in SEARCHES]


async def in_three_threads():
    return await asyncio.gather(
        *(asyncio.to_thread(find_divisibles, inrange, div_by) for inrange, div_by in SEARCHES)
    )


async def main():
    ways = {"one after another:": one_after_another, "in three threads:": in_three_threads}
    best = {}
    for turn in range(6):  # six turns, each way first in every other one; the fastest run counts
        for way in ways if turn % 2 == 0 else reversed(ways):
            started = time.perf_counter()
            results = await ways[way]()
            elapsed = time.perf_counter() - started
            best[way] = min(best.get(way, elapsed), elapsed)
    counts = ", ".join(str(len(located)) for located in results)
    for way, elapsed in best.items():
        print(f"{way:<20} {elapsed * 1000:.1f} ms, found {counts} numbers")


if __name__ == "__main__":
    asyncio.run(main())
