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
    try:  # new
        task1.result()  # new
    except asyncio.InvalidStateError as error:  # new
        print(f"too early: task1.result() raised {error!r}")  # new
    await asyncio.wait([task1, task2, task3])
    print(task1.result())  # new
    print(f"task2 found {len(task2.result())} numbers, task3 found {len(task3.result())}")  # new


if __name__ == "__main__":
    asyncio.run(main())
