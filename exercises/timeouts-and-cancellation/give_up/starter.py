import asyncio


async def find_divisibles(inrange, div_by):
    print(f"finding numbers below {inrange} divisible by {div_by}")
    located = []
    for i in range(inrange):
        if i % div_by == 0:
            located.append(i)
    print(f"done with {inrange} / {div_by}")
    return located


async def main():
    search = asyncio.create_task(find_divisibles(508000, 34113))
    located = await search
    print(f"main got {len(located)} numbers")


asyncio.run(main())
