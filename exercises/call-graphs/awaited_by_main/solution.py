import asyncio


async def find_divisibles(inrange, div_by):
    located = []
    for i in range(inrange):
        if i % div_by == 0:
            located.append(i)
        if i % 50000 == 0:
            if i == 50000:
                asyncio.print_call_graph()  # who is waiting for this task?
            await asyncio.sleep(0)
    return located


async def main():
    task = asyncio.create_task(find_divisibles(100052, 3210), name="medium")
    located = await task  # main's task waits for medium: the graph shows it
    print(f"main: {len(located)} found")


asyncio.run(main())
