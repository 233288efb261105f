import asyncio


async def hello():
    print("the task says hello")


async def main():
    task = asyncio.create_task(hello())
    print("main created the task")
    await asyncio.sleep(0)
    print("main is back")
    await task


if __name__ == "__main__":
    asyncio.run(main())
