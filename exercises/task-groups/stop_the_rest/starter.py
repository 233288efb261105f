import asyncio


async def find_divisibles(inrange, div_by):
    print(f"finding numbers below {inrange} divisible by {div_by}")
    located = []
    try:
        for i in range(inrange):
            if i % div_by == 0:
                located.append(i)
            if i % 50000 == 0:
                await asyncio.sleep(0)
    finally:
        print(f"  {inrange} / {div_by} stops at {i}")
    print(f"done with {inrange} / {div_by}: {len(located)} found")
    return located


async def main():
    try:
        await asyncio.gather(
            find_divisibles(508000, 34113),
            find_divisibles(100052, 0),
            find_divisibles(500, 3),
        )
    except ZeroDivisionError as error:
        print(f"a search failed: {error!r}")
    print("main is finished")


asyncio.run(main())
