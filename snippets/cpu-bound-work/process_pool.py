import asyncio
import time
from concurrent.futures import ProcessPoolExecutor

# Three searches of the same size, large enough to measure.
SEARCHES = [(1_500_000, 34113), (1_500_000, 3210), (1_500_000, 3)]


def find_divisibles(inrange, div_by):
    located = []
    for i in range(inrange):
        if i % div_by == 0:
            located.append(i)
    return located


async def one_after_another(pool):
    return [find_divisibles(inrange, div_by) for inrange, div_by in SEARCHES]


async def in_three_processes(pool):
    loop = asyncio.get_running_loop()
    return await asyncio.gather(
        *(
            loop.run_in_executor(pool, find_divisibles, inrange, div_by)
            for inrange, div_by in SEARCHES
        )
    )


async def main():
    ways = {"one after another:": one_after_another, "in three processes:": in_three_processes}
    best = {}
    with ProcessPoolExecutor(max_workers=3) as pool:  # started once, used by every round
        for turn in range(6):  # each way first in every other turn; the fastest counts
            for way in ways if turn % 2 == 0 else reversed(ways):
                started = time.perf_counter()
                results = await ways[way](pool)
                elapsed = time.perf_counter() - started
                best[way] = min(best.get(way, elapsed), elapsed)
    counts = ", ".join(str(len(located)) for located in results)
    for way, elapsed in best.items():
        print(f"{way:<20} {elapsed * 1000:.1f} ms, found {counts} numbers")


if __name__ == "__main__":
    asyncio.run(main())
