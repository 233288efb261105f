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
    started = time.perf_counter()
    try:
        async with asyncio.timeout(0.005):
            await find_divisibles(508000, 34113)
    except TimeoutError:
        elapsed = time.perf_counter() - started
        print(f"gave up after {elapsed * 1000:.1f} ms")


if __name__ == "__main__":
    asyncio.run(main())
