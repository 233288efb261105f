import asyncio
import time

# Three searches of the same size, large enough to measure.
SEARCHES = [(1_500_000, 34113), (1_500_000, 3210), (1_500_000, 3)]


async def find_divisibles(inrange, div_by):
    located = []
    for i in range(inrange):
        if i % div_by == 0:
            located.append(i)
        if i % 50000 == 0:
            await asyncio.sleep(0)
    return located


async def one_after_another():
    return [await find_divisibles(inrange, div_by) for inrange, div_by in SEARCHES]


async def as_three_tasks():
    return await asyncio.gather(*(find_divisibles(inrange, div_by) for inrange, div_by in SEARCHES))


async def main():
    ways = {"one after another:": one_after_another, "as three tasks:": as_three_tasks}
    best = {}
    for turn in range(6):  # six turns, each way first in every other one; the fastest run counts
        for way in ways if turn % 2 == 0 else reversed(ways):
            # Processor time: time spent waiting for a turn on the processor does not count.
            started = time.process_time()
            results = await ways[way]()
            elapsed = time.process_time() - started
            best[way] = min(best.get(way, elapsed), elapsed)
    counts = ", ".join(str(len(located)) for located in results)
    for way, elapsed in best.items():
        print(f"{way:<20} {elapsed * 1000:.1f} ms, found {counts} numbers")


if __name__ == "__main__":
    asyncio.run(main())
