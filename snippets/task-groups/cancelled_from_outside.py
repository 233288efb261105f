import asyncio


async def run_group():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(asyncio.sleep(1))
            tg.create_task(asyncio.sleep(2))
    except BaseException as error:  # to show what leaves the block
        print(f"the block raised {error!r}")
        raise


async def main():
    task = asyncio.create_task(run_group())
    await asyncio.sleep(0.05)  # the group's tasks are sleeping now
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        print(f"main: the task was cancelled: {task.cancelled()}")


if __name__ == "__main__":
    asyncio.run(main())
