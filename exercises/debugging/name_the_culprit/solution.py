import asyncio
import time


def parse(rows):
    time.sleep(rows / 10000)  # stands for a library call that blocks, longer for more rows
    return rows


async def load(what, rows):
    await asyncio.sleep(0.05)  # stands for a real wait
    print(f"{what}: {parse(rows)} rows loaded")


async def main():
    await asyncio.gather(
        asyncio.create_task(load("settings", 10), name="settings"),
        asyncio.create_task(load("users", 2000), name="users"),
        asyncio.create_task(load("prices", 300), name="prices"),
    )


asyncio.run(main(), debug=True)  # debug mode reports each step of 0.1 s or more
