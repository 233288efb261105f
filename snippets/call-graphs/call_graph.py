import asyncio


async def find_divisibles(inrange, div_by):
    located = []
    for i in range(inrange):
        if i % div_by == 0:
            located.append(i)
        if i % 50000 == 0:
            if inrange == 100052 and i == 50000:  # new
                asyncio.print_call_graph()  # new
            await asyncio.sleep(0)
    return located


async def search_all():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(find_divisibles(508000, 34113), name="large")
        tg.create_task(find_divisibles(100052, 3210), name="medium")


async def main():
    await search_all()


if __name__ == "__main__":
    asyncio.run(main())
