import asyncio
import time


async def heartbeat(started):
    while True:
        print(f"tick at {time.perf_counter() - started:.2f} s")
        await asyncio.sleep(0.05)


async def download(name):
    await asyncio.sleep(0.2)  # pauses only this download: the loop runs the others
    print(f"{name} downloaded")


async def main():
    started = time.perf_counter()
    beats = asyncio.create_task(heartbeat(started))
    await asyncio.gather(download("page 1"), download("page 2"), download("page 3"))
    print(f"all downloaded at {time.perf_counter() - started:.2f} s")
    beats.cancel()


asyncio.run(main())
