import asyncio
import time


async def find_divisibles(inrange, div_by):
    print(f"finding numbers below {inrange} divisible by {div_by}")
    started = time.perf_counter()
    located = []
    for i in range(inrange):
        if i % div_by == 0:
            located.append(i)
    elapsed = time.perf_counter() - started
    print(f"done with {inrange} / {div_by} after {elapsed * 1000:.1f} ms")
    return located


async def main():
    started = time.perf_counter()
    task1 = asyncio.create_task(find_divisibles(508000, 34113))  # (1)!  # new
    task2 = asyncio.create_task(find_divisibles(100052, 3210))  # new
    task3 = asyncio.create_task(find_divisibles(500, 3))  # new
    print("three tasks created; main now waits for them")  # new
    await asyncio.wait([task1, task2, task3])  # (2)!  # new
    print(f"all three tasks took {(time.perf_counter() - started) * 1000:.1f} ms")  # new


if __name__ == "__main__":
    asyncio.run(main())
