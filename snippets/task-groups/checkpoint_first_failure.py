import asyncio


async def fail_soon():
    await asyncio.sleep(0.05)
    raise ValueError("bad input")


async def wait_long():
    try:
        await asyncio.sleep(0.5)
        print("wait_long finished")
    finally:
        print("wait_long stops")


async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(wait_long())
            tg.create_task(fail_soon())
        print("the block ended normally")
    except* ValueError as group:
        print(f"caught {group.exceptions!r}")


if __name__ == "__main__":
    asyncio.run(main())
