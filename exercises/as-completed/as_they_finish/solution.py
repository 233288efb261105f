import asyncio


async def find_divisibles(inrange, div_by):
    located = []
    for i in range(inrange):
        if i % div_by == 0:
            located.append(i)
        if i % 50000 == 0:
            await asyncio.sleep(0)
    print(f"done with {inrange} / {div_by}")
    return located


async def main():
    tasks = [
        asyncio.create_task(find_divisibles(508000, 34113)),
        asyncio.create_task(find_divisibles(100052, 3210)),
        asyncio.create_task(find_divisibles(500, 3)),
    ]
    for next_done in asyncio.as_completed(tasks):
        located = await next_done  # the result of whichever search is done next
        print(f"  main got {len(located)} numbers, the last is {located[-1]}")


asyncio.run(main())
