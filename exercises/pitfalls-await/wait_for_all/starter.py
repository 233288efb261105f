import asyncio


async def find_divisibles(inrange, div_by):
    print(f"finding numbers below {inrange} divisible by {div_by}")
    located = []
    for i in range(inrange):
        if i % div_by == 0:
            located.append(i)
        if i % 50000 == 0:
            await asyncio.sleep(0)
    print(f"done with {inrange} / {div_by}: {len(located)} found")
    return located


async def main():
    task1 = asyncio.create_task(find_divisibles(508000, 34113))
    task2 = asyncio.create_task(find_divisibles(100052, 3210))
    find_divisibles(500, 3)
    print(f"main is finished; task1 done: {task1.done()}, task2 done: {task2.done()}")


asyncio.run(main())
