import asyncio


async def leaf():
    asyncio.print_call_graph()


async def middle():
    await asyncio.create_task(leaf(), name="leaf")


async def main():
    await asyncio.create_task(middle(), name="middle")


if __name__ == "__main__":
    asyncio.run(main())
