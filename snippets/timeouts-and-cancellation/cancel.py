import asyncio
import time


async def find_divisibles(inrange, div_by):
    print(f"finding numbers below {inrange} divisible by {div_by}")
    started = time.perf_counter()
    located = []
    for i in range(inrange):
        if i % div_by == 0:
            located.append(i)
        if i % 50000 == 0:
            await asyncio.sleep(0)
    elapsed = time.perf_counter() - started
    print(f"done with {inrange} / {div_by} after {elapsed * 1000:.1f} ms")
    return located


async def main():
    task1 = asyncio.create_task(find_divisibles(508000, 34113))
    task2 = asyncio.create_task(find_divisibles(100052, 3210))
    task3 = asyncio.create_task(find_divisibles(500, 3))
    await asyncio.sleep(0)  # let each task start and reach its first pause
    print("main cancels task1")
    task1.cancel()
    results = await asyncio.gather(task1, task2, task3, return_exceptions=True)
    print(f"task1: cancelled={task1.cancelled()}, its result is {results[0]!r}")
    print(f"task2 found {len(results[1])} numbers, task3 found {len(results[2])}")


if __name__ == "__main__":
    asyncio.run(main())
