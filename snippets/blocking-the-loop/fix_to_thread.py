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
    print("main: await asyncio.to_thread(time.sleep, 0.3)")  # new
    await asyncio.to_thread(time.sleep, 0.3)  # blocks another thread, not the loop  # new
    await beats


if __name__ == "__main__":
    asyncio.run(main())
