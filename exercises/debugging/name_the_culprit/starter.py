import asyncio
import time


def parse(rows):
    time.sleep(rows / 10000)  # stands for a library call that blocks, longer for more rows
    return rows


async def load(what, rows):
    await asyncio.sleep(0.05)  # stands for a real wait
    print(f"{what}: {parse(rows)} rows loaded")


async def main():
    await asyncio.gather(load("settings", 10), load("users", 2000), load("prices", 300))


asyncio.run(main())
