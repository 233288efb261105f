import asyncio
import time

finished = []  # each search adds its list here when it is done


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
    finished.append(located)
    return located


async def main():
    await asyncio.gather(
        find_divisibles(508000, 34113),
        find_divisibles(100052, 3210),
        find_divisibles(500, 3),
    )
    divs1, divs2, divs3 = finished
    print(f"divs1: {len(divs1)} numbers, the last is {divs1[-1]}")
    print(f"divs2: {len(divs2)} numbers, the last is {divs2[-1]}")
    print(f"divs3: {len(divs3)} numbers, the last is {divs3[-1]}")


asyncio.run(main())
