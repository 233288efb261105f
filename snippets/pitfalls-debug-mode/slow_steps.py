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
    # Report every step that holds the event loop for more than 1 ms (default: 100 ms).
    asyncio.get_running_loop().slow_callback_duration = 0.001
    task1 = asyncio.create_task(find_divisibles(508000, 34113))
    task2 = asyncio.create_task(find_divisibles(100052, 3210))
    task3 = asyncio.create_task(find_divisibles(500, 3))
    await asyncio.wait([task1, task2, task3])


if __name__ == "__main__":
    asyncio.run(main(), debug=True)
