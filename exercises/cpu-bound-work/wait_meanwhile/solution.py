import asyncio
import time


async def download(seconds):
    print("download starts")
    await asyncio.sleep(seconds)  # stands in for waiting on the network
    print("download done")


async def find_divisibles(inrange, div_by):
    located = []
    for i in range(inrange):
        if i % div_by == 0:
            located.append(i)
        if i % 50000 == 0:
            await asyncio.sleep(0)
    print(f"done with {inrange} / {div_by}: {len(located)} found")
    return located


async def main():
    started = time.perf_counter()
    await asyncio.gather(
        download(0.4),
        find_divisibles(1_500_000, 34113),
        find_divisibles(1_500_000, 3210),
    )
    print(f"took {time.perf_counter() - started:.2f} s")


asyncio.run(main())
