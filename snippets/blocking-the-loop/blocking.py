import asyncio
import time


async def heartbeat(started):
    for _ in range(8):
        print(f"tick at {time.perf_counter() - started:.2f} s")
        await asyncio.sleep(0.05)


async def main():
    started = time.perf_counter()
    beats = asyncio.create_task(heartbeat(started))
    await asyncio.sleep(0)  # let the heartbeat print its first tick
    print("main: time.sleep(0.3)")
    time.sleep(0.3)  # blocks the whole thread, and with it the event loop
    await beats


if __name__ == "__main__":
    asyncio.run(main())
