import asyncio
import time


async def waits(started):
    await asyncio.sleep(0.1)
    print(f"waits: done at {time.perf_counter() - started:.2f} s")


async def blocks(started):
    time.sleep(0.2)
    print(f"blocks: done at {time.perf_counter() - started:.2f} s")


async def main():
    started = time.perf_counter()
    await asyncio.gather(waits(started), blocks(started))


if __name__ == "__main__":
    asyncio.run(main())
