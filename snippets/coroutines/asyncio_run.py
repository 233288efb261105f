import asyncio  # new
import time


async def find_divisibles(inrange, div_by):  # new
    print(f"finding numbers below {inrange} divisible by {div_by}")
    started = time.perf_counter()
    located = []
    for i in range(inrange):
        if i % div_by == 0:
            located.append(i)
    elapsed = time.perf_counter() - started
    print(f"done with {inrange} / {div_by} after {elapsed * 1000:.1f} ms")
    return located


async def main():  # new
    started = time.perf_counter()
    await find_divisibles(508000, 34113)  # new
    await find_divisibles(100052, 3210)  # new
    await find_divisibles(500, 3)  # new
    print(f"all three calls took {(time.perf_counter() - started) * 1000:.1f} ms")


if __name__ == "__main__":
    asyncio.run(main())  # new
