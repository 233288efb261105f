import asyncio


async def job(name, seconds):
    await asyncio.sleep(seconds)
    print(f"{name} is done")


async def main():
    async with asyncio.TaskGroup() as tg:  # the group holds its tasks until they are done
        tg.create_task(job("report", 0.2))
        tg.create_task(job("email", 0.1))
        print("main: two tasks started, no variable needed")
    print("main: the block waited for both")


if __name__ == "__main__":
    asyncio.run(main())
