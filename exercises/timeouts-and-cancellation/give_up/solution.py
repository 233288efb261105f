import asyncio


async def find_divisibles(inrange, div_by):
    print(f"finding numbers below {inrange} divisible by {div_by}")
    located = []
    for i in range(inrange):
        if i % div_by == 0:
            located.append(i)
        if i % 50000 == 0:
            await asyncio.sleep(0)  # a pause: here the time limit can stop the search
    print(f"done with {inrange} / {div_by}")
    return located


async def main():
    search = asyncio.create_task(find_divisibles(508000, 34113))
    try:
        located = await asyncio.wait_for(search, timeout=0.005)
        print(f"main got {len(located)} numbers")
    except asyncio.TimeoutError:
        print("main gave up")


asyncio.run(main())
