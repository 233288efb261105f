import asyncio


async def find_divisibles(inrange, div_by):
    located = []
    for i in range(inrange):
        if i % div_by == 0:
            located.append(i)
        if i % 50000 == 0:
            await asyncio.sleep(0)  # a pause: the loop lets the other searches run
    print(f"done with {inrange} / {div_by}: {len(located)} found")
    return located


async def main():
    await asyncio.gather(
        find_divisibles(508000, 34113),
        find_divisibles(100052, 3210),
        find_divisibles(500, 3),
    )


asyncio.run(main())
